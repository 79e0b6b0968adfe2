/** Input the EHC rules refuse: names the field and says what is wrong in plain English. */
export class EhcInputError extends Error {
  constructor(readonly field: string, message: string) {
    super(message);
    this.name = 'EhcInputError';
  }
}

export class EhcNotFoundError extends Error {
  constructor(what: string) {
    super(`There is no such ${what}`);
    this.name = 'EhcNotFoundError';
  }
}
