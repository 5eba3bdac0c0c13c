import { Random, Weighted } from '../random';

/**
 * People's names as they occur in Dutch schools and firms today: mostly Dutch names (with tussenvoegsels), and the
 * Moroccan, Turkish, Surinamese, Polish and other names of the people who work there.
 */

const FIRST_NAMES: readonly string[] = [
  'Anne', 'Sanne', 'Lotte', 'Emma', 'Eva', 'Femke', 'Iris', 'Lisa', 'Marieke', 'Linda', 'Esther', 'Monique', 'Petra',
  'Ingrid', 'Karin', 'Marloes', 'Judith', 'Annemiek', 'Inge', 'Mirjam', 'Wendy', 'Nicole', 'Saskia', 'Janneke', 'Fleur',
  'Noor', 'Julia', 'Sophie', 'Maaike', 'Hanneke', 'Jolanda', 'Ilse', 'Anouk', 'Renske', 'Wilma', 'Tineke', 'Gerda',
  'Jan', 'Piet', 'Kees', 'Henk', 'Gerrit', 'Willem', 'Johan', 'Erik', 'Mark', 'Peter', 'Martijn', 'Jeroen', 'Bas',
  'Sander', 'Thijs', 'Ruben', 'Daan', 'Bram', 'Joost', 'Niels', 'Rik', 'Tom', 'Wouter', 'Frank', 'Marco', 'Arjen',
  'Dennis', 'Roel', 'Stefan', 'Vincent', 'Koen', 'Maarten', 'Hans', 'Ronald', 'Edwin', 'Gert-Jan', 'Jan-Willem',
  'Fatima', 'Samira', 'Nadia', 'Yasmina', 'Khadija', 'Soufiane', 'Mohamed', 'Youssef', 'Karim', 'Hamza', 'Bilal',
  'Ayşe', 'Elif', 'Zeynep', 'Emre', 'Mehmet', 'Burak', 'Kübra', 'Priya', 'Ravi', 'Shanti', 'Rajesh', 'Kofi',
  'Anita', 'Sharon', 'Dewi', 'Agnieszka', 'Katarzyna', 'Piotr', 'Tomasz', 'Ana', 'Lucas', 'Mila', 'Thomas', 'Chantal',
];

/** Surnames, with their tussenvoegsel where they have one. */
const SURNAMES: Weighted<string> = [
  ['de Jong', 6], ['Jansen', 6], ['de Vries', 6], ['van den Berg', 5], ['van Dijk', 5], ['Bakker', 5], ['Janssen', 5],
  ['Visser', 5], ['Smit', 5], ['Meijer', 5], ['de Boer', 5], ['Mulder', 4], ['de Groot', 4], ['Bos', 4], ['Vos', 4],
  ['Peters', 4], ['Hendriks', 4], ['van Leeuwen', 4], ['Dekker', 4], ['Brouwer', 4], ['de Wit', 4], ['Dijkstra', 4],
  ['Smits', 3], ['de Graaf', 3], ['van der Meer', 4], ['van der Linden', 3], ['Kok', 3], ['Jacobs', 3], ['de Haan', 3],
  ['Vermeulen', 3], ['van den Heuvel', 3], ['van der Veen', 3], ['van den Broek', 3], ['de Bruijn', 3], ['de Bruin', 3],
  ['van der Heijden', 3], ['Schouten', 3], ['van Beek', 3], ['Willems', 3], ['van Vliet', 3], ['van de Ven', 3],
  ['Hoekstra', 3], ['Maas', 3], ['Verhoeven', 3], ['Koster', 3], ['van Dam', 3], ['van der Wal', 3], ['Prins', 3],
  ['Blom', 3], ['Huisman', 3], ['Peeters', 2], ['de Lange', 2], ['Kuipers', 2], ['van Wijk', 2], ['Post', 2],
  ['Kuiper', 2], ['Veenstra', 2], ['Kramer', 2], ['van den Brink', 2], ['Scholten', 2], ['van Wijngaarden', 1],
  ['Sijbrandij', 1], ['Groenewegen', 1], ['Zwart', 2], ['Wolters', 2], ['Bosman', 2], ['Koopman', 2], ['Terpstra', 1],
  ['el Amrani', 2], ['el Idrissi', 1], ['Bouzid', 1], ['Benali', 1], ['Ouali', 1], ['Aydın', 1], ['Yılmaz', 2],
  ['Kaya', 1], ['Demir', 1], ['Çelik', 1], ['Ramdin', 1], ['Sewnarain', 1], ['Mahabier', 1], ['Nguyen', 1],
  ['Kowalski', 1], ['Nowak', 1], ['Wiśniewska', 1], ['Mensah', 1], ['Asante', 1], ['Pinas', 1], ['Lie', 1],
];

export interface PersonName {
  first: string;
  last: string;
  full: string;
}

export function personName(rng: Random): PersonName {
  const first = rng.pick(FIRST_NAMES);
  const last = rng.weighted(SURNAMES);
  return { first, last, full: `${first} ${last}` };
}

/** ASCII letters and digits only, for e-mail addresses and web domains. */
export function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ı/g, 'i')
    .replace(/ł/g, 'l')
    .toLowerCase()
    .replace(/&/g, 'en')
    .replace(/[^a-z0-9]+/g, '');
}

/** e.g. "f.elamrani@clusiuscollege.nl": initial, surname without spaces, the organisation's domain. */
export function emailOf(name: PersonName, domain: string): string {
  return `${slug(name.first).charAt(0)}.${slug(name.last)}@${domain}`;
}

/** A Dutch mobile number, 06-xxxxxxxx. */
export function mobileNumber(rng: Random): string {
  return `06-${String(rng.int(10000000, 99999999))}`;
}
