/**
 * Common UK first names and surnames (a few with a Cumbrian flavour), drawn with a falling weight
 * by rank so some names are common and collisions are realistic. Any person is a random pairing
 * with a random date of birth: nobody real.
 */
import { cumulative, type Random } from './random.js';

export const GIRLS: readonly string[] = [
  'Olivia', 'Amelia', 'Isla', 'Ava', 'Emily', 'Sophie', 'Grace', 'Mia', 'Poppy', 'Ella', 'Lily', 'Evie',
  'Isabella', 'Sophia', 'Jessica', 'Chloe', 'Ruby', 'Charlotte', 'Holly', 'Erin', 'Megan', 'Lucy', 'Ellie',
  'Hannah', 'Lauren', 'Rebecca', 'Amy', 'Katie', 'Emma', 'Abigail', 'Freya', 'Daisy', 'Phoebe', 'Millie',
  'Florence', 'Willow', 'Rosie', 'Matilda', 'Harper', 'Ivy', 'Evelyn', 'Sienna', 'Layla', 'Zara', 'Eva',
  'Maisie', 'Scarlett', 'Bethany', 'Niamh', 'Caitlin', 'Georgia', 'Molly', 'Eleanor', 'Alice', 'Jasmine',
  'Leah', 'Paige', 'Courtney', 'Shannon', 'Kayla', 'Abbie', 'Libby', 'Amber', 'Esme', 'Elsie', 'Aria',
  'Maya', 'Harriet', 'Imogen', 'Anna', 'Beth', 'Jade', 'Kirsty', 'Natalie', 'Rachel', 'Sarah', 'Laura',
  'Danielle', 'Gemma', 'Heather', 'Mollie', 'Robyn', 'Summer', 'Tilly', 'Orla', 'Nancy', 'Violet', 'Hallie',
  'Edith', 'Iris', 'Mabel', 'Thea', 'Penelope', 'Lottie', 'Bella', 'Darcie', 'Autumn', 'Lacey', 'Skye',
];

export const BOYS: readonly string[] = [
  'Oliver', 'Jack', 'Harry', 'George', 'Noah', 'Charlie', 'Jacob', 'Alfie', 'Freddie', 'Oscar', 'Thomas',
  'James', 'William', 'Joshua', 'Daniel', 'Samuel', 'Lewis', 'Ryan', 'Liam', 'Callum', 'Jamie', 'Connor',
  'Kyle', 'Bradley', 'Matthew', 'Adam', 'Ethan', 'Dylan', 'Logan', 'Leo', 'Archie', 'Arthur', 'Theo',
  'Finley', 'Harrison', 'Riley', 'Max', 'Mason', 'Isaac', 'Lucas', 'Henry', 'Alexander', 'Reuben', 'Toby',
  'Tyler', 'Owen', 'Luke', 'Aaron', 'Ben', 'Joseph', 'Sam', 'Nathan', 'Jake', 'Kieran', 'Reece', 'Cameron',
  'Jordan', 'Scott', 'Craig', 'Dean', 'Shaun', 'Josh', 'Elliot', 'Jenson', 'Rory', 'Hugo', 'Teddy', 'Albie',
  'Ronnie', 'Tommy', 'Frankie', 'Stanley', 'Louie', 'Jude', 'Ezra', 'Harley', 'Sebastian', 'Edward',
  'Zachary', 'Michael', 'David', 'Christopher', 'Andrew', 'Robert', 'Euan', 'Rhys', 'Caleb', 'Blake',
  'Kai', 'Bobby', 'Jaxon', 'Ollie', 'Hayden', 'Alex', 'Declan', 'Harvey', 'Brandon', 'Mohammed', 'Ibrahim',
];

export const SURNAMES: readonly string[] = [
  'Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Robinson', 'Wright',
  'Thompson', 'Evans', 'Walker', 'White', 'Roberts', 'Green', 'Hall', 'Wood', 'Jackson', 'Clarke', 'Graham',
  'Armstrong', 'Bell', 'Irving', 'Nixon', 'Little', 'Elliott', 'Robson', 'Dixon', 'Routledge', 'Tyson',
  'Hodgson', 'Stewart', 'Johnston', 'Pattinson', 'Jefferson', 'Wilkinson', 'Atkinson', 'Harrison', 'Fisher',
  'Holliday', 'Relph', 'Sewell', 'Bowman', 'Noble', 'Carr', 'Scott', 'Richardson', 'Thomson', 'Kelly',
  'Murray', 'Moore', 'Martin', 'Cooper', 'Ward', 'Morgan', 'Hughes', 'Edwards', 'Turner', 'Hill', 'Parker',
  'Baker', 'King', 'Lee', 'Harris', 'Clark', 'Lewis', 'Young', 'Allen', 'Mitchell', 'Watson', 'Kennedy',
  'Reid', 'Hunter', 'Mason', 'Bailey', 'Cook', 'Price', 'Bennett', 'Gray', 'Holmes', 'Marshall', 'Fletcher',
  'Pearson', 'Simpson', 'Stephenson', 'Dodd', 'Hewitson', 'Musgrave', 'Blacklock', 'Bragg', 'Brough',
  'Crosthwaite', 'Dalton', 'Ferguson', 'Foster', 'Gibson', 'Grainger', 'Hetherington', 'Hope', 'Hudson',
  'Kirkbride', 'Lamb', 'Leslie', 'Lowther', 'McKenzie', 'Milburn', 'Nicholson', 'Park', 'Postlethwaite',
  'Rigg', 'Ritson', 'Sanderson', 'Sharp', 'Slater', 'Steel', 'Storey', 'Teasdale', 'Todd', 'Wallace',
  'Walton', 'Watt', 'Weir', 'Whitehead', 'Wills', 'Wren', "O'Neill", 'Byers', 'Cowan', 'Denwood',
  'Kirkpatrick', 'Mossop', 'Pickering', 'Quayle', 'Rae', 'Stainton', 'Tweddle', 'Vipond', 'Weightman',
];

/** Weight by rank: the 1st name about ten times as common as the 100th. */
function rankWeights(n: number): number[] {
  return Array.from({ length: n }, (_, i) => 1 / (i + 12));
}

const GIRL_CUM = cumulative(rankWeights(GIRLS.length));
const BOY_CUM = cumulative(rankWeights(BOYS.length));
const SURNAME_CUM = cumulative(rankWeights(SURNAMES.length));

/** An index into GIRLS (sex 2) or BOYS (sex 1). */
export function pickForename(random: Random, sex: number): number {
  return random.index(sex === 2 ? GIRL_CUM : BOY_CUM);
}

export function pickSurname(random: Random): number {
  return random.index(SURNAME_CUM);
}

export function forenameOf(sex: number, index: number): string {
  return (sex === 2 ? GIRLS : BOYS)[index]!;
}
