/**
 * The one error the clock throws: bad input, named by field, so a route can turn it into a
 * GOV.UK error message ("Enter a real date ...") against the right form field.
 */
export class ClockInputError extends Error {
  override readonly name = 'ClockInputError';
  readonly code = 'clock-input' as const;

  constructor(
    /** The input field, as a path: 'receivedOn', 'advice[1].askedOn', 'exceptions[0].reason'. */
    readonly field: string,
    /** The value that was rejected. */
    readonly value: unknown,
    /** What is wrong, finishing the sentence "<field> ...". */
    readonly problem: string,
  ) {
    super(`${field} ${problem} (got ${describeValue(value)})`);
  }
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
