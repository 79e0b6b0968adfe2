/**
 * Invented people for the demo area: common UK first and last names, mixed at random. No real
 * person is described; any match with a real name is chance. 'Mia' and 'Leo' are left out:
 * they are the platform demo's own children.
 */
export const GIRLS = [
  'Olivia', 'Amelia', 'Isla', 'Ava', 'Ivy', 'Lily', 'Freya', 'Florence', 'Grace', 'Ella', 'Poppy', 'Evie',
  'Sophie', 'Rosie', 'Willow', 'Isabella', 'Millie', 'Daisy', 'Erin', 'Chloe', 'Holly', 'Ruby', 'Phoebe',
  'Maisie', 'Jessica', 'Megan', 'Lucy', 'Hannah', 'Niamh', 'Zara', 'Amira', 'Layla', 'Harper', 'Esme',
] as const;

export const BOYS = [
  'Oliver', 'Noah', 'George', 'Harry', 'Jack', 'Charlie', 'Freddie', 'Alfie', 'Theo', 'Arthur', 'Oscar',
  'Archie', 'Henry', 'Jacob', 'Thomas', 'Isaac', 'Finley', 'Riley', 'Mason', 'Logan', 'Ethan', 'Joshua',
  'Max', 'Lucas', 'Reuben', 'Dylan', 'Tyler', 'Callum', 'Kai', 'Aaron', 'Yusuf', 'Jakub', 'Rory', 'Ollie',
] as const;

export const LAST_NAMES = [
  'Armstrong', 'Graham', 'Bell', 'Dixon', 'Nicholson', 'Irving', 'Jackson', 'Robinson', 'Wilson', 'Thompson',
  'Brown', 'Smith', 'Taylor', 'Walker', 'Harrison', 'Hodgson', 'Atkinson', 'Richardson', 'Johnston', 'Little',
  'Wood', 'Stephenson', 'Fisher', 'Tyson', 'Pattinson', 'Bowman', 'Stewart', 'Scott', 'Hall', 'Moore',
  'Clark', 'Hughes', 'Kelly', 'Campbell', 'Murray', 'Patel', 'Khan', 'Ali', 'Nowak', 'Sharp', 'Routledge',
  'Carruthers', 'Holliday', 'Steel', 'Benson', 'Musgrave', 'Wright', 'Edwards', 'Lowes', 'Brennan',
] as const;

export const WOMEN = [
  'Sarah', 'Emma', 'Claire', 'Rachel', 'Laura', 'Gemma', 'Kelly', 'Nicola', 'Lisa', 'Joanne', 'Amy',
  'Hayley', 'Stacey', 'Jennifer', 'Michelle', 'Vicky', 'Aisha', 'Katarzyna', 'Leanne', 'Donna',
] as const;

export const MEN = [
  'David', 'Paul', 'Mark', 'Andrew', 'Craig', 'Lee', 'Gary', 'Stephen', 'Darren', 'Chris', 'Jamie',
  'Matthew', 'Richard', 'Neil', 'Wayne', 'Scott', 'Imran', 'Piotr', 'Ryan', 'Martin',
] as const;

export const GRANDPARENTS = ['Margaret', 'Susan', 'Brian', 'Alan', 'Pauline', 'Keith'] as const;

/** Streets that sound like west and north Cumbria; none is meant to be a real address. */
export const STREETS = [
  'Fell View', 'Beck Lane', 'Solway Road', 'Skiddaw Close', 'Harbour Row', 'Mill Street', 'Curlew Way',
  'Heather Bank', 'Chapel Brow', 'Eden Terrace', 'Larch Grove', 'Sandpiper Court', 'Station Road',
  'Croft Gardens', 'Pennine Way', 'Meadow Drive', 'Kirkgate', 'Low Moor Road', 'Gill Side', 'Rowan Crescent',
] as const;

/** Phone numbers Ofcom keeps for drama: 07700 900000 to 07700 900999. They never ring anyone. */
export function dramaMobile(n: number): string {
  return `07700 900${String(n % 1000).padStart(3, '0')}`;
}

/** name@example.com (a domain reserved for examples), from a person's name. */
export function exampleEmail(first: string, last: string): string {
  return `${first}.${last}`.toLowerCase().replace(/[^a-z.]/g, '') + '@example.com';
}
