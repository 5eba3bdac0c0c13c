import {
  ActivityKind,
  AgreementKind,
  FORMAL_AGREEMENT_KINDS,
  INTENSITIES,
  Intensity,
  EXPECTED_CONTACT_INTERVAL_DAYS,
  OrganisationKind,
  PartnershipCommand,
  SchoolLevel,
  Side,
  Stage,
} from '@crm/domain';
import {
  ACTIVITIES_BY_LEVEL,
  ActivitySpec,
  ANY_SCHOOL_MONTH,
  BROKEN_REASONS,
  CANCEL_REASONS,
  COLD_INTRO_SUMMARY,
  COMMITMENTS,
  END_REASONS,
  EVALUATION_NOTES,
  FORMAL_AGREEMENTS,
  HANDOVER_SUMMARY,
  INTERACTION_KINDS_WEIGHTED,
  INTERACTION_SUMMARIES,
  NON_COMPANY_ACTIVITIES,
  PAUSE_REASONS,
} from './catalogue/activities';
import { IdSource, Random } from './random';
import { DAY, HOUR, MINUTE, iso, monthOf, nextDate, seasonFactor, workMoment, YEAR } from './time';
import { assignableAt, availableAt, PlannedOrganisation, PlannedPerson } from './world';

/**
 * The script of one partnership: a small discrete-event simulation that walks through its life in date order and
 * writes the commands a user of the CRM would have sent. It mirrors the domain rules it relies on (who may take
 * part on a date, who is assigned, what the stage allows), so every command it writes is accepted; it also counts
 * the events the deciders add on their own (the handover unassignment of a replaced primary, the unassignments a
 * departure causes), so the plan knows exactly how many events it makes.
 */

/** The life a partnership is meant to have; departures and handovers can change it along the way. */
export type Fate = 'thriving' | 'steady' | 'struggling' | 'failing' | 'drifting' | 'ending' | 'nomatch' | 'young';

export const FATE_WEIGHTS: readonly (readonly [Fate, number])[] = [
  ['thriving', 32],
  ['steady', 19],
  ['struggling', 13],
  ['failing', 8],
  ['drifting', 7],
  ['ending', 11],
  ['nomatch', 3],
  ['young', 7],
];

interface FateProfile {
  /** Care for the relation: evaluations, renewals, warm handovers. */
  care: readonly [number, number];
  /** Contact rate multiplier. */
  rate: number;
  /** Commitment outcomes: on time, late, broken, cancelled, forgotten. */
  outcomes: readonly [number, number, number, number, number];
  /** Evaluation ratings range. */
  ratings: readonly [number, number];
  /** Chance of a formal agreement when agreeing. */
  formal: number;
  /** Chance of renewing an expiring agreement. */
  renew: number;
  /** Chance of holding each yearly evaluation. */
  evaluate: number;
}

const FATES: Readonly<Record<Fate, FateProfile>> = {
  thriving: { care: [0.75, 1], rate: 1.15, outcomes: [84, 9, 3, 2, 2], ratings: [7, 9], formal: 0.95, renew: 0.92, evaluate: 0.93 },
  steady: { care: [0.5, 0.85], rate: 0.85, outcomes: [70, 15, 7, 3, 5], ratings: [6, 8], formal: 0.9, renew: 0.75, evaluate: 0.7 },
  struggling: { care: [0.25, 0.55], rate: 0.75, outcomes: [42, 22, 20, 4, 12], ratings: [4, 7], formal: 0.75, renew: 0.3, evaluate: 0.5 },
  failing: { care: [0.1, 0.35], rate: 0.55, outcomes: [22, 18, 32, 4, 24], ratings: [3, 6], formal: 0.55, renew: 0.1, evaluate: 0.3 },
  drifting: { care: [0.2, 0.6], rate: 0.7, outcomes: [55, 15, 12, 3, 15], ratings: [5, 7], formal: 0.7, renew: 0.4, evaluate: 0.5 },
  ending: { care: [0.2, 0.7], rate: 0.8, outcomes: [55, 15, 15, 5, 10], ratings: [4, 8], formal: 0.7, renew: 0.4, evaluate: 0.6 },
  nomatch: { care: [0.2, 0.5], rate: 0.8, outcomes: [50, 20, 15, 10, 5], ratings: [4, 6], formal: 0, renew: 0, evaluate: 0 },
  young: { care: [0.4, 0.9], rate: 1, outcomes: [70, 15, 7, 3, 5], ratings: [6, 8], formal: 0.8, renew: 0.8, evaluate: 0.8 },
};

/** Logged interactions per year at each intensity (before the fate, level, size and profile multipliers). */
const INTERACTIONS_PER_YEAR: Readonly<Record<Intensity, number>> = { placement: 9, aligned: 11, exchange: 16, innovation: 26 };
const LEVEL_RATE: Readonly<Record<SchoolLevel, number>> = { po: 0.55, vmbo: 0.85, havo: 0.75, vwo: 0.75, mbo: 1.15, hbo: 1.15, wo: 1 };
const ACTIVITIES_PER_YEAR: Readonly<Record<SchoolLevel, number>> = { po: 2, vmbo: 3, havo: 2.5, vwo: 2.5, mbo: 2.6, hbo: 3, wo: 2.5 };
const SIZE_RATE: Readonly<Record<string, number>> = { micro: 0.75, small: 0.9, medium: 1.1, large: 1.45 };

export interface ScriptRates {
  interactions: number;
  activities: number;
  commitments: number;
}

export interface PartnershipSeed {
  id: string;
  index: number;
  school: PlannedOrganisation;
  partner: PlannedOrganisation;
  levels: SchoolLevel[];
  /** What OpenPartnership is sent (may use the `vo` alias). */
  levelInput: string[];
  intensity: Intensity;
  themes: string[];
  openedAt: number;
  /** Entered when the CRM was introduced: the relation existed already and moves to active quickly. */
  imported: boolean;
  fate: Fate;
  /** One school person carries the relation alone (no backup, nobody else takes part). */
  solo: boolean;
}

export type HandoverKind = 'warm' | 'cold' | 'none';

/**
 * Departure storylines every region shows at least once, however small: shared by the scripts of a region, and
 * taken by the first departures of a primary (in planning order) that can take them.
 */
export type Showcase = Record<HandoverKind, number>;
const SHOWCASE_ORDER: readonly HandoverKind[] = ['cold', 'none', 'warm'];

export interface ScriptStats {
  handovers: Record<Side, Record<HandoverKind, number>>;
  /** Handovers of a primary who stayed (promotion, reassignment). */
  reassignments: number;
  ended: boolean;
  endedReason?: string;
  orphanedBy?: Side;
  finalStage: Stage;
  commitments: { onTime: number; late: number; broken: number; cancelled: number; forgotten: number };
  agreementsExpired: number;
  /** Events the deciders add on their own: handover unassignments and departure unassignments. */
  derivedEvents: number;
}

export interface ScriptedStep {
  t: number;
  command: PartnershipCommand;
}

type ActionKind =
  | 'assignSchool'
  | 'assignPartner'
  | 'addBackup'
  | 'agree'
  | 'activate'
  | 'touch'
  | 'planYear'
  | 'internshipPrep'
  | 'activity'
  | 'quickWin'
  | 'evaluate'
  | 'close'
  | 'renew'
  | 'departed'
  | 'prepareDeparture'
  | 'coldAssign'
  | 'promotionHandover'
  | 'takeOver'
  | 'intro'
  | 'pause'
  | 'resume'
  | 'intensity'
  | 'end';

interface Action {
  t: number;
  order: number;
  kind: ActionKind;
  person?: PlannedPerson;
  /** The predecessor, for a take-over. */
  other?: PlannedPerson;
  side?: Side;
  spec?: ActivitySpec;
  startsAt?: number;
  commitment?: { id: string; outcome: number; dueAt: number };
  agreementId?: string;
  reason?: string;
  /** Intensity one step up (1) or down (-1). */
  direction?: 1 | -1;
}

interface Contacts {
  primary?: PlannedPerson;
  backups: PlannedPerson[];
}

interface Agreement {
  id: string;
  kind: AgreementKind;
  validUntil?: number;
  terminated: boolean;
}

const sideOrg = (seed: PartnershipSeed, side: Side): PlannedOrganisation => (side === 'school' ? seed.school : seed.partner);

export class PartnershipScript {
  readonly steps: ScriptedStep[] = [];
  readonly stats: ScriptStats;
  private readonly agenda: Action[] = [];
  private order = 0;
  private lastT = 0;
  /** The moment of the action being handled. */
  private current = 0;
  private readonly profile: FateProfile;
  private readonly care: number;
  /** The partner's share of initiatives (reciprocity). */
  private readonly partnerShare: number;
  private stage: Stage = 'exploring';
  private intensity: Intensity;
  private ended = false;
  /** No contact from this moment on (the relation drifts, or ends). */
  private silentFrom: number;
  private endAt?: number;
  private endReason?: string;
  /** Evaluations stop after this moment (a relation that is no longer looked after). */
  private evaluationsUntil: number;
  private readonly contacts: Record<Side, Contacts> = { school: { backups: [] }, partner: { backups: [] } };
  private readonly participated = new Set<string>();
  private readonly agreements: Agreement[] = [];
  private readonly level: SchoolLevel;
  private readonly endT: number;

  constructor(
    private readonly seed: PartnershipSeed,
    private readonly clock: { start: number; until: number },
    private readonly rng: Random,
    private readonly ids: IdSource,
    private readonly rates: ScriptRates,
    private readonly load: Map<string, number>,
    private readonly showcase: Showcase,
  ) {
    this.profile = FATES[seed.fate];
    this.care = rng.float(this.profile.care[0], this.profile.care[1]);
    // Most partners take about half of the initiatives; some wait passively, a few push.
    const [low, high] = rng.weighted<[number, number]>([
      [[0.3, 0.65], 70],
      [[0.05, 0.2], seed.fate === 'struggling' || seed.fate === 'failing' ? 30 : 12],
      [[0.78, 0.92], 8],
    ]);
    this.partnerShare = rng.float(low, high);
    this.intensity = seed.intensity;
    this.level = seed.levels[0];
    this.endT = clock.until - HOUR;
    this.silentFrom = clock.until;
    this.evaluationsUntil = clock.until;
    this.stats = {
      handovers: { school: { warm: 0, cold: 0, none: 0 }, partner: { warm: 0, cold: 0, none: 0 } },
      reassignments: 0,
      ended: false,
      finalStage: 'exploring',
      commitments: { onTime: 0, late: 0, broken: 0, cancelled: 0, forgotten: 0 },
      agreementsExpired: 0,
      derivedEvents: 0,
    };
  }

  // ---- the agenda ----------------------------------------------------------------------------------

  private schedule(t: number, kind: ActionKind, extra: Omit<Action, 't' | 'kind' | 'order'> = {}): void {
    if (t >= this.endT) return;
    if (t < this.current) throw new Error(`partnership ${this.seed.id}: ${kind} scheduled at ${iso(t)}, before ${iso(this.current)}`);
    const action: Action = { t, kind, order: this.order++, ...extra };
    let lo = 0;
    let hi = this.agenda.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.agenda[mid].t <= t) lo = mid + 1;
      else hi = mid;
    }
    this.agenda.splice(lo, 0, action);
  }

  /** Appends a command; dates are kept strictly increasing within the partnership, so its stream is in date order. */
  private emit(t: number, build: (at: string) => PartnershipCommand): number {
    const at = Math.max(t, this.lastT + 1000);
    // Handlers write at their own moment (plus minutes); a larger shift would invalidate who was available.
    if (at - t > 6 * HOUR) throw new Error(`partnership ${this.seed.id}: step at ${iso(t)} shifted to ${iso(at)}`);
    this.lastT = at;
    this.steps.push({ t: at, command: build(iso(at)) });
    return at;
  }

  private get partnershipId(): string {
    return this.seed.id;
  }

  private contactsActive(t: number): boolean {
    return !this.ended && t < this.silentFrom;
  }

  // ---- the script ----------------------------------------------------------------------------------

  /** Opens the partnership and plans its first actions; then `advance()` until `done`. */
  start(): this {
    const seed = this.seed;
    const rng = this.rng;
    const t0 = seed.openedAt;
    this.current = t0;
    this.emit(t0, (at) => ({
      type: 'OpenPartnership',
      partnershipId: this.partnershipId,
      schoolId: seed.school.id,
      partnerId: seed.partner.id,
      levels: seed.levelInput,
      intensity: seed.intensity,
      themes: seed.themes,
      openedAt: at,
    }));
    this.shapeFate();

    this.schedule(t0 + rng.float(0.05, seed.imported ? 1 : 4) * DAY, 'assignSchool');
    if (rng.chance(0.92)) this.schedule(workMoment(rng, t0 + rng.float(0.5, seed.imported ? 5 : 25) * DAY), 'assignPartner');
    if (!seed.solo && rng.chance(0.3 + 0.4 * this.care)) this.schedule(workMoment(rng, t0 + rng.float(10, 150) * DAY), 'addBackup', { side: 'school' });
    if (seed.partner.staff.length > 1 && rng.chance(0.2)) this.schedule(workMoment(rng, t0 + rng.float(20, 200) * DAY), 'addBackup', { side: 'partner' });

    this.schedule(workMoment(rng, t0 + rng.float(0.2, 3) * DAY), 'touch');
    // Seed 003: a quarter of the new partnerships get going with a quick win, a visit or guest lecture within weeks
    // (SPEC §3.8 start-up pace); drawn apart, so the rest of the story is planned as before.
    const quick = rng.fork('quick-win');
    if (!seed.imported && seed.fate !== 'nomatch' && quick.chance(0.25)) {
      const kind = quick.chance(0.5) ? 'company_visit' : 'guest_lecture';
      this.schedule(workMoment(quick, t0 + quick.float(7, 28) * DAY), 'quickWin', { spec: { kind, weight: 1 } });
    }
    if (seed.fate === 'nomatch') {
      this.endAt = workMoment(rng, t0 + rng.float(30, 180) * DAY);
      this.endReason = rng.pick(END_REASONS.nomatch);
      this.silentFrom = this.endAt - rng.float(5, 20) * DAY;
      this.schedule(this.endAt, 'end');
    } else {
      const agreeAfter = seed.imported ? rng.float(1, 14) : seed.fate === 'young' ? rng.float(20, 200) : rng.float(14, 110);
      this.schedule(workMoment(rng, t0 + agreeAfter * DAY), 'agree');
      this.schedule(workMoment(rng, t0 + (seed.imported ? rng.float(60, 365) : rng.float(240, 330)) * DAY), 'evaluate');
    }
    if (this.endAt !== undefined && seed.fate !== 'nomatch') this.schedule(this.endAt, 'end');
    return this;
  }

  /** When the next action is due (Infinity when the script is done). Every later step is dated at or after it. */
  get nextActionAt(): number {
    return this.done ? Infinity : this.agenda[0].t;
  }

  /** No more actions: ended, past `until`, or nothing left to do. */
  get done(): boolean {
    return this.ended || this.agenda.length === 0 || this.agenda[0].t >= this.endT;
  }

  /** Handles the next action; the steps it writes are appended to `steps`. */
  advance(): void {
    if (this.done) return;
    const action = this.agenda.shift()!;
    this.current = action.t;
    this.handle(action);
  }

  /** The script's figures, final once it is done. */
  finish(): ScriptStats {
    this.agenda.length = 0;
    this.stats.finalStage = this.ended ? 'ended' : this.stage;
    this.stats.ended = this.ended;
    this.stats.endedReason = this.ended ? this.endReason : undefined;
    return this.stats;
  }

  /** Turns the fate into dates: when contact stops, when evaluations stop, when it ends. */
  private shapeFate(): void {
    const { rng, seed, clock } = this;
    const interval = EXPECTED_CONTACT_INTERVAL_DAYS[seed.intensity];
    const age = (clock.until - seed.openedAt) / DAY;
    switch (seed.fate) {
      case 'struggling':
        this.silentFrom = clock.until - Math.min(300, rng.float(0.9, 1.8) * interval) * DAY;
        this.evaluationsUntil = clock.until - rng.float(380, 560) * DAY;
        break;
      case 'failing':
        this.silentFrom = clock.until - Math.max(45, Math.min(330, rng.float(1.9, 3.2) * interval)) * DAY;
        this.evaluationsUntil = clock.until - rng.float(560, 900) * DAY;
        break;
      case 'drifting':
        this.silentFrom = clock.until - Math.min(age - 40, rng.float(380, 760)) * DAY;
        this.evaluationsUntil = this.silentFrom;
        break;
      case 'ending': {
        const endAt = workMoment(rng, seed.openedAt + rng.float(0.25, 0.97) * (clock.until - seed.openedAt - 10 * DAY));
        this.endAt = endAt;
        const faded = rng.chance(0.55);
        this.endReason = rng.pick(faded ? END_REASONS.drift : rng.chance(0.5) ? END_REASONS.business : END_REASONS.done);
        this.silentFrom = faded ? endAt - rng.float(60, 220) * DAY : endAt - rng.float(3, 30) * DAY;
        this.evaluationsUntil = this.silentFrom;
        break;
      }
      default:
        break;
    }
    if (this.silentFrom < seed.openedAt + 20 * DAY) this.silentFrom = seed.openedAt + 20 * DAY;
  }

  /** Contacts per year now, including fate, level, size, stage and season. */
  private contactRate(t: number): number {
    const seed = this.seed;
    let rate = INTERACTIONS_PER_YEAR[this.intensity] * LEVEL_RATE[this.level] * this.rates.interactions * this.profile.rate;
    rate *= seed.partner.kind === 'company' ? SIZE_RATE[seed.partner.size ?? 'small'] : 1;
    if (this.stage === 'exploring') rate *= 0.7;
    if (this.stage === 'paused') rate *= 0.15;
    if (!this.contacts.school.primary) rate *= 0.4;
    if ((seed.fate === 'struggling' || seed.fate === 'failing') && t > this.clock.until - YEAR) rate *= 0.6;
    return Math.max(0.5, rate);
  }

  private handle(action: Action): void {
    const t = action.t;
    switch (action.kind) {
      case 'assignSchool':
        return this.assignInitial('school', t);
      case 'assignPartner':
        return this.assignInitial('partner', t);
      case 'addBackup':
        return this.addBackup(action.side!, t);
      case 'agree':
        return this.agree(t);
      case 'activate':
        return this.activate(t);
      case 'touch':
        return this.touch(t);
      case 'planYear':
        return this.planYear(t);
      case 'internshipPrep':
        return this.internshipPrep(t, action.spec!, action.startsAt!);
      case 'activity':
        return this.activity(t, action.spec!);
      case 'quickWin':
        return this.activity(t, action.spec!, true);
      case 'evaluate':
        return this.evaluate(t);
      case 'close':
        return this.closeCommitment(t, action.commitment!);
      case 'renew':
        return this.renew(t, action.agreementId!);
      case 'departed':
        return this.departed(action.person!);
      case 'prepareDeparture':
        return this.prepareDeparture(t, action.person!, action.side!);
      case 'coldAssign':
        return this.coldAssign(t, action.side!, action.person!);
      case 'promotionHandover':
        return this.promotionHandover(t, action.person!);
      case 'takeOver':
        return this.takeOver(t, action.side!, action.person!, action.other!, action.reason === 'promotion');
      case 'intro':
        return this.intro(t, action.side!, action.person!);
      case 'pause':
        return this.pause(t);
      case 'resume':
        return this.resume(t);
      case 'intensity':
        return this.changeIntensity(t, action.direction ?? 1);
      case 'end':
        return this.end(t);
    }
  }

  // ---- contacts ------------------------------------------------------------------------------------

  /** People of a side who could be made a contact at t, best candidates first. */
  private candidates(side: Side, t: number, exclude: ReadonlySet<string> = new Set()): PlannedPerson[] {
    return sideOrg(this.seed, side).staff.filter((person) => assignableAt(person, t) && !exclude.has(person.id));
  }

  private pickContact(side: Side, t: number, exclude: ReadonlySet<string> = new Set(), preferNew = false): PlannedPerson | undefined {
    const people = this.candidates(side, t, exclude);
    if (people.length === 0) return undefined;
    const weights = people.map((person): [PlannedPerson, number] => {
      let weight = person.carrier ? 10 : 1;
      if (side === 'school' && person.tier === 'strategic' && this.seed.school.schoolType !== 'po') weight *= 0.2;
      if (side === 'partner' && person.tier === 'operational') weight *= 1.5;
      // A few people carry many relations: mild preferential attachment.
      weight *= 1 + 0.25 * Math.min(20, this.load.get(person.id) ?? 0);
      if (preferNew && this.participated.has(person.id)) weight *= 0.02;
      return [person, weight];
    });
    return this.rng.weighted(weights);
  }

  private assign(side: Side, person: PlannedPerson, role: 'primary' | 'backup', t: number): number {
    const contacts = this.contacts[side];
    if (role === 'primary') {
      if (contacts.primary) this.stats.derivedEvents += 1; // the decider unassigns the old primary (handover)
      contacts.backups = contacts.backups.filter((backup) => backup.id !== person.id);
      contacts.primary = person;
      this.load.set(person.id, (this.load.get(person.id) ?? 0) + 1);
    } else {
      contacts.backups.push(person);
    }
    const at = this.emit(t, (iso) => ({ type: 'AssignContact', partnershipId: this.partnershipId, side, personId: person.id, role, at: iso }));
    if (person.leftAt !== undefined) {
      this.schedule(person.leftAt, 'departed', { person });
      if (role === 'primary') {
        const lead = this.rng.float(5, 50) * DAY;
        this.schedule(workMoment(this.rng, Math.max(at + HOUR, person.leftAt - lead)), 'prepareDeparture', { person, side });
      }
    }
    if (role === 'primary' && person.promotedAt !== undefined && person.promotedAt > at) {
      this.schedule(workMoment(this.rng, person.promotedAt + this.rng.float(3, 40) * DAY), 'promotionHandover', { person });
    }
    return at;
  }

  private assignInitial(side: Side, t: number): void {
    if (this.contacts[side].primary) return;
    const person = this.pickContact(side, t);
    if (person) this.assign(side, person, 'primary', t);
  }

  private addBackup(side: Side, t: number): void {
    const contacts = this.contacts[side];
    if (!contacts.primary || contacts.backups.length > 0 || !this.contactsActive(t)) return;
    const exclude = new Set([contacts.primary.id]);
    const person = this.pickContact(side, t, exclude);
    if (person) this.assign(side, person, 'backup', t);
  }

  /** A contact leaves the organisation: the departure unassigns them here (SPEC §2). */
  private departed(person: PlannedPerson): void {
    if (this.ended) return;
    for (const side of ['school', 'partner'] as const) {
      const contacts = this.contacts[side];
      if (contacts.primary?.id === person.id) {
        contacts.primary = undefined;
        this.stats.derivedEvents += 1;
      } else if (contacts.backups.some((backup) => backup.id === person.id)) {
        contacts.backups = contacts.backups.filter((backup) => backup.id !== person.id);
        this.stats.derivedEvents += 1;
      }
    }
  }

  /**
   * The primary will leave: a warm handover (the successor joins a touchpoint, then takes over before the
   * predecessor goes), a cold one (someone is assigned some time after the departure), or none (orphaned).
   */
  private prepareDeparture(t: number, person: PlannedPerson, side: Side): void {
    const contacts = this.contacts[side];
    if (contacts.primary?.id !== person.id || this.ended) return;
    const rng = this.rng;
    const leftAt = person.leftAt!;
    const solo = side === 'school' && this.seed.solo;
    const warm = this.contactsActive(t) ? (side === 'school' ? 0.15 : 0.1) + 0.45 * this.care - (solo ? 0.1 : 0) : 0;
    const none = (side === 'school' ? 0.14 : 0.22) + 0.25 * (1 - this.care) + (solo ? 0.1 : 0);
    let choice = rng.weighted<HandoverKind>([
      ['warm', Math.max(0, warm)],
      ['cold', Math.max(0.05, 1 - warm - none)],
      ['none', none],
    ]);
    const room = (Math.min(this.endT, this.endAt ?? Infinity) - leftAt) / DAY - 3;
    const feasible = (kind: HandoverKind): boolean => (kind === 'warm' ? warm > 0 : kind === 'cold' ? room > 10 : true);
    const wanted = SHOWCASE_ORDER.find((kind) => this.showcase[kind] > 0 && feasible(kind));
    if (wanted) choice = wanted;
    if (choice === 'warm') {
      const replacement = person.successor && assignableAt(person.successor, t) ? person.successor : undefined;
      const successor =
        contacts.backups.find((backup) => assignableAt(backup, t + 7 * DAY)) ?? replacement ?? this.pickContact(side, t, new Set([person.id]));
      const takeOverAt = workMoment(rng, t + rng.float(0.5, 6) * DAY);
      if (successor && takeOverAt < leftAt - DAY && availableAt(person, t) && assignableAt(successor, takeOverAt)) {
        const other = this.contacts[side === 'school' ? 'partner' : 'school'].primary;
        const participants = [person, successor, ...(other && availableAt(other, t) ? [other] : [])];
        this.recordInteraction(t, 'meeting', side, participants, HANDOVER_SUMMARY);
        this.schedule(takeOverAt, 'takeOver', { side, person: successor, other: person });
        return;
      }
    }
    if (choice !== 'none') {
      const gap = wanted === 'cold' ? rng.float(8, Math.min(110, room)) : rng.float(10, 110);
      this.schedule(workMoment(rng, leftAt + gap * DAY), 'coldAssign', { side, person });
      return;
    }
    this.orphan(side, leftAt);
  }

  /** Nobody takes over: the relation hangs on the person who left, and drifts or ends. */
  private orphan(side: Side, leftAt: number): void {
    const rng = this.rng;
    this.stats.handovers[side].none += 1;
    this.showcase.none -= 1;
    this.stats.orphanedBy ??= side;
    if (side === 'partner' && rng.chance(0.5)) return; // the school keeps the relation going
    const stopsAt = leftAt + rng.float(0, 120) * DAY;
    if (stopsAt < this.silentFrom) this.silentFrom = Math.max(stopsAt, this.seed.openedAt + 20 * DAY);
    this.evaluationsUntil = Math.min(this.evaluationsUntil, leftAt);
    if (this.endAt === undefined && rng.chance(0.4)) {
      this.endAt = workMoment(rng, leftAt + rng.float(90, 420) * DAY);
      this.endReason = rng.pick(END_REASONS.orphan);
      this.schedule(this.endAt, 'end');
    }
  }

  private coldAssign(t: number, side: Side, predecessor: PlannedPerson): void {
    const contacts = this.contacts[side];
    if (contacts.primary || this.ended) return;
    // The natural successor is whoever was hired into the predecessor's position and has not met the partner yet.
    const replacement = predecessor.successor;
    const successor =
      replacement && assignableAt(replacement, t) && !this.participated.has(replacement.id)
        ? replacement
        : this.pickContact(side, t, new Set([predecessor.id]), true);
    if (!successor) {
      this.orphan(side, predecessor.leftAt!);
      return;
    }
    const warm = this.participated.has(successor.id);
    this.assign(side, successor, 'primary', t);
    this.stats.handovers[side][warm ? 'warm' : 'cold'] += 1;
    this.showcase[warm ? 'warm' : 'cold'] -= 1;
    if (this.contactsActive(t)) this.schedule(workMoment(this.rng, t + this.rng.float(2, 30) * DAY), 'intro', { side, person: successor });
  }

  /** The new primary introduces themselves after a cold take-over. */
  private intro(t: number, side: Side, person: PlannedPerson): void {
    if (!this.contactsActive(t) || this.contacts[side].primary?.id !== person.id || !availableAt(person, t)) return;
    const other = this.contacts[side === 'school' ? 'partner' : 'school'].primary;
    const participants = [person, ...(other && availableAt(other, t) ? [other] : [])];
    this.recordInteraction(t, 'meeting', side, participants, COLD_INTRO_SUMMARY);
  }

  /** The successor of a warm handover takes over (the decider unassigns the predecessor as a handover). */
  private takeOver(t: number, side: Side, successor: PlannedPerson, predecessor: PlannedPerson, promotion: boolean): void {
    const contacts = this.contacts[side];
    if (this.ended || contacts.primary?.id !== predecessor.id || !assignableAt(successor, t)) {
      // The predecessor is gone already or the successor cannot take over: it will be cold or none after all.
      if (!promotion && contacts.primary?.id === predecessor.id && !this.ended) {
        this.schedule(workMoment(this.rng, predecessor.leftAt! + this.rng.float(10, 110) * DAY), 'coldAssign', { side, person: predecessor });
      }
      return;
    }
    this.assign(side, successor, 'primary', t);
    if (promotion) this.stats.reassignments += 1;
    else {
      this.stats.handovers[side].warm += 1;
      this.showcase.warm -= 1;
    }
  }

  /** A promoted primary hands the relation over to a colleague, who joins a meeting first (a warm handover). */
  private promotionHandover(t: number, person: PlannedPerson): void {
    const side: Side = person.org === this.seed.school ? 'school' : 'partner';
    const contacts = this.contacts[side];
    if (contacts.primary?.id !== person.id || !this.contactsActive(t) || !this.rng.chance(0.6)) return;
    const successor = contacts.backups.find((backup) => assignableAt(backup, t + 3 * DAY)) ?? this.pickContact(side, t, new Set([person.id]));
    if (!successor || !availableAt(person, t)) return;
    const takeOverAt = workMoment(this.rng, t + this.rng.float(1, 10) * DAY);
    if (!assignableAt(successor, takeOverAt) || (person.leftAt !== undefined && takeOverAt > person.leftAt - DAY)) return;
    this.recordInteraction(t, 'meeting', side, [person, successor], HANDOVER_SUMMARY);
    this.schedule(takeOverAt, 'takeOver', { side, person: successor, other: person, reason: 'promotion' });
  }

  // ---- stages, agreements, intensity ---------------------------------------------------------------

  private agree(t: number): void {
    if (this.stage !== 'exploring' || !this.contactsActive(t)) return;
    const rng = this.rng;
    this.emit(t, (at) => ({ type: 'ChangeStage', partnershipId: this.partnershipId, to: 'agreed', at }));
    this.stage = 'agreed';
    if (rng.chance(this.profile.formal)) this.signFormal(t + rng.float(1, 4) * HOUR);
    const activateAfter = this.seed.imported ? rng.float(1, 12) : rng.float(7, 70);
    this.schedule(workMoment(rng, t + activateAfter * DAY), 'activate');
  }

  private activate(t: number): void {
    if (this.stage !== 'agreed' || this.ended) return;
    this.emit(t, (at) => ({ type: 'ChangeStage', partnershipId: this.partnershipId, to: 'active', at }));
    this.stage = 'active';
    this.schedule(t + HOUR, 'planYear');
    const rng = this.rng;
    // Some relations pause for a while (a reorganisation, no interns this semester).
    if (this.seed.fate !== 'young' && rng.chance(0.07)) {
      this.schedule(workMoment(rng, t + rng.float(60, 700) * DAY), 'pause');
    }
    // Intensity grows in steps for relations that go well, and falls back for those that do not.
    const years = (this.clock.until - t) / YEAR;
    for (let y = 0; y < years; y++) {
      if ((this.seed.fate === 'thriving' && rng.chance(0.3)) || (this.seed.fate === 'steady' && rng.chance(0.12))) {
        this.schedule(workMoment(rng, t + (y + rng.float(0.3, 1)) * YEAR), 'intensity', { direction: 1 });
      } else if ((this.seed.fate === 'struggling' || this.seed.fate === 'failing') && rng.chance(0.12)) {
        this.schedule(workMoment(rng, t + (y + rng.float(0.3, 1)) * YEAR), 'intensity', { direction: -1 });
      }
    }
  }

  private pause(t: number): void {
    if (this.stage !== 'active' || !this.contactsActive(t)) return;
    this.emit(t, (at) => ({ type: 'ChangeStage', partnershipId: this.partnershipId, to: 'paused', reason: this.rng.pick(PAUSE_REASONS), at }));
    this.stage = 'paused';
    this.schedule(workMoment(this.rng, t + this.rng.float(50, 220) * DAY), 'resume');
  }

  private resume(t: number): void {
    if (this.stage !== 'paused' || this.ended) return;
    this.emit(t, (at) => ({ type: 'ChangeStage', partnershipId: this.partnershipId, to: 'active', at }));
    this.stage = 'active';
  }

  private changeIntensity(t: number, step: number): void {
    if (!this.contactsActive(t) || this.stage === 'exploring') return;
    const index = INTENSITIES.indexOf(this.intensity) + step;
    if (index < 0 || index >= INTENSITIES.length) return;
    const to = INTENSITIES[index];
    this.emit(t, (at) => ({ type: 'ChangeIntensity', partnershipId: this.partnershipId, to, at }));
    this.intensity = to;
  }

  private signFormal(t: number): void {
    const rng = this.rng;
    const kinds = FORMAL_AGREEMENTS[this.seed.partner.kind as Exclude<OrganisationKind, 'school'>];
    const kind = rng.weighted(kinds);
    const years = rng.weighted<number | undefined>([
      [undefined, 18],
      [1, 27],
      [2, 40],
      [3, 15],
    ]);
    const signatories = this.signatories(t);
    const id = this.ids.next();
    const at = this.emit(t, (iso) => ({
      type: 'SignAgreement',
      partnershipId: this.partnershipId,
      agreementId: id,
      kind,
      signedAt: iso,
      ...(years !== undefined && { validUntil: new Date(Date.parse(iso) + years * YEAR).toISOString() }),
      signatoryIds: signatories.map((person) => person.id),
    }));
    signatories.forEach((person) => this.participated.add(person.id));
    const agreement: Agreement = { id, kind, validUntil: years !== undefined ? at + years * YEAR : undefined, terminated: false };
    this.agreements.push(agreement);
    if (agreement.validUntil !== undefined) {
      this.schedule(workMoment(rng, agreement.validUntil - rng.float(5, 45) * DAY), 'renew', { agreementId: id });
    }
  }

  private renew(t: number, agreementId: string): void {
    const agreement = this.agreements.find((item) => item.id === agreementId);
    if (!agreement || agreement.terminated) return;
    if (this.contactsActive(t) && this.stage !== 'exploring' && this.rng.chance(this.profile.renew * (0.6 + 0.4 * this.care))) {
      this.signFormal(t);
    } else {
      this.stats.agreementsExpired += 1;
    }
  }

  /** Who signs: a school manager (or the primary) and the partner's boss (or primary). */
  private signatories(t: number): PlannedPerson[] {
    const pick = (side: Side): PlannedPerson | undefined => {
      const staff = sideOrg(this.seed, side).staff.filter((person) => availableAt(person, t));
      const senior = staff.filter((person) => person.tier !== 'operational');
      const primary = this.contacts[side].primary;
      const solo = side === 'school' && this.seed.solo;
      if (!solo && senior.length > 0 && this.rng.chance(0.75)) return this.rng.pick(senior);
      if (primary && availableAt(primary, t)) return primary;
      return staff.length > 0 ? this.rng.pick(staff) : undefined;
    };
    return [pick('school'), pick('partner')].filter((person): person is PlannedPerson => person !== undefined);
  }

  private end(t: number): void {
    if (this.ended) return;
    const rng = this.rng;
    for (const agreement of this.agreements) {
      const valid = !agreement.terminated && (agreement.validUntil === undefined || agreement.validUntil > t);
      if (valid && FORMAL_AGREEMENT_KINDS.includes(agreement.kind) && rng.chance(0.5)) {
        this.emit(t, (at) => ({ type: 'TerminateAgreement', partnershipId: this.partnershipId, agreementId: agreement.id, at, reason: 'samenwerking beëindigd' }));
        agreement.terminated = true;
      }
    }
    const reason = this.endReason ?? rng.pick(END_REASONS.drift);
    this.endReason = reason;
    this.emit(t, (at) => ({ type: 'EndPartnership', partnershipId: this.partnershipId, at, reason }));
    this.ended = true;
  }

  // ---- touchpoints ---------------------------------------------------------------------------------

  /** School-side and partner-side people who take part in a touchpoint at t. */
  private participants(t: number, formal = false): PlannedPerson[] {
    const rng = this.rng;
    const result: PlannedPerson[] = [];
    const school = this.contacts.school;
    if (this.seed.solo) {
      if (school.primary && availableAt(school.primary, t)) result.push(school.primary);
    } else {
      const pool: [PlannedPerson, number][] = [];
      if (school.primary && availableAt(school.primary, t)) pool.push([school.primary, 6]);
      for (const backup of school.backups) if (availableAt(backup, t)) pool.push([backup, 3]);
      for (const person of this.seed.school.staff) {
        if (person === school.primary || school.backups.includes(person) || !availableAt(person, t)) continue;
        pool.push([person, person.tier === 'operational' ? 0.35 : person.tier === 'tactical' ? (formal ? 1.5 : 0.5) : formal ? 1 : 0.15]);
      }
      if (pool.length > 0) {
        const first = rng.weighted(pool);
        result.push(first);
        const rest = pool.filter(([person]) => person !== first);
        if (rest.length > 0 && rng.chance(formal ? 0.7 : 0.22)) result.push(rng.weighted(rest));
      }
    }
    const partner = this.contacts.partner;
    const partnerPool: [PlannedPerson, number][] = [];
    for (const person of this.seed.partner.staff) {
      if (!availableAt(person, t)) continue;
      const weight = person === partner.primary ? 8 : partner.backups.includes(person) ? 3 : partner.primary ? 0.6 : 1;
      partnerPool.push([person, weight]);
    }
    if (partnerPool.length > 0) {
      const first = rng.weighted(partnerPool);
      result.push(first);
      const rest = partnerPool.filter(([person]) => person !== first);
      if (rest.length > 0 && rng.chance(formal ? 0.4 : 0.1)) result.push(rng.weighted(rest));
    }
    return result;
  }

  private recordInteraction(
    t: number,
    kind: (typeof INTERACTION_KINDS_WEIGHTED)[number][0],
    initiatedBy: Side,
    participants: PlannedPerson[],
    summary?: string,
  ): number {
    const id = this.ids.next();
    const at = this.emit(t, (iso) => ({
      type: 'RecordInteraction',
      partnershipId: this.partnershipId,
      interactionId: id,
      kind,
      occurredAt: iso,
      initiatedBy,
      participantIds: participants.map((person) => person.id),
      ...(summary !== undefined && { summary }),
    }));
    participants.forEach((person) => this.participated.add(person.id));
    return at;
  }

  private touch(t: number): void {
    const rng = this.rng;
    if (!this.contactsActive(t)) return;
    // The next contact, whatever happens now (a Poisson process thinned by the school holidays).
    const next = (from: number): void => {
      let at = from;
      for (let guard = 0; guard < 50; guard++) {
        at += Math.max(0.25, rng.exponential(365 / this.contactRate(at))) * DAY;
        if (rng.chance(seasonFactor(at))) break;
      }
      this.schedule(workMoment(rng, at), 'touch');
    };
    next(t);
    const participants = this.participants(t);
    if (participants.length === 0) return;
    const kind = rng.weighted(INTERACTION_KINDS_WEIGHTED);
    const initiatedBy: Side = rng.chance(this.partnerShare) ? 'partner' : 'school';
    const summary = rng.chance(0.7) ? rng.pick(INTERACTION_SUMMARIES[initiatedBy]) : undefined;
    const at = this.recordInteraction(t, kind, initiatedBy, participants, summary);
    if ((kind === 'meeting' || kind === 'visit' || kind === 'event') && this.stage !== 'exploring' && rng.chance(0.3 * this.rates.commitments)) {
      this.makeCommitment(at + 10 * MINUTE, participants);
    }
  }

  /** Plans the activities of the coming school year (from now to the next 1 August). */
  private planYear(t: number): void {
    if (this.ended) return;
    const rng = this.rng;
    const yearEnd = nextDate(t, 8, 1);
    this.schedule(yearEnd + rng.float(14, 30) * DAY, 'planYear');
    if (!this.contactsActive(t)) return;
    const fraction = Math.min(1, (yearEnd - t) / YEAR);
    const specs = this.seed.partner.kind === 'company' ? ACTIVITIES_BY_LEVEL[this.levelFor(rng)] : rng.chance(0.5) ? NON_COMPANY_ACTIVITIES : ACTIVITIES_BY_LEVEL[this.level];
    const sizeRate = this.seed.partner.kind === 'company' ? SIZE_RATE[this.seed.partner.size ?? 'small'] : 1;
    const mean = ACTIVITIES_PER_YEAR[this.level] * sizeRate * this.profile.rate * this.rates.activities * fraction;
    const count = poisson(rng, mean);
    for (let i = 0; i < count; i++) {
      const spec = rng.weighted(specs.map((item): [ActivitySpec, number] => [item, item.weight]));
      const startsAt = this.dateInSchoolYear(t, yearEnd, spec.months ?? ANY_SCHOOL_MONTH);
      if (startsAt === undefined) continue;
      if (spec.kind === 'internship' && spec.students) {
        const prepAt = workMoment(rng, Math.max(t + HOUR, startsAt - rng.float(5, 25) * DAY));
        this.schedule(prepAt, 'internshipPrep', { spec, startsAt: Math.max(startsAt, workMoment(rng, prepAt + DAY)) });
      } else {
        this.schedule(startsAt, 'activity', { spec });
      }
    }
    if ((this.seed.fate === 'thriving' || this.seed.fate === 'steady') && rng.chance(0.3 + 0.4 * this.care)) {
      const thanks = this.dateInSchoolYear(t, yearEnd, [6, 7]);
      if (thanks !== undefined) this.schedule(thanks, 'activity', { spec: { kind: 'thank_you', weight: 1 } });
    }
  }

  private levelFor(rng: Random): SchoolLevel {
    return rng.pick(this.seed.levels);
  }

  /** A working moment in one of `months`, between t and yearEnd; undefined if none is left. */
  private dateInSchoolYear(t: number, yearEnd: number, months: readonly number[]): number | undefined {
    const rng = this.rng;
    for (let attempt = 0; attempt < 6; attempt++) {
      const candidate = t + rng.float(0.02, 1) * (yearEnd - t);
      if (months.includes(monthOf(candidate))) return workMoment(rng, candidate);
    }
    return undefined;
  }

  /** Before an internship starts: one learning agreement per student, signed by school and workplace trainer. */
  private internshipPrep(t: number, spec: ActivitySpec, startsAt: number): void {
    if (!this.contactsActive(t) || (this.stage !== 'agreed' && this.stage !== 'active')) return;
    const rng = this.rng;
    const students = rng.int(spec.students![0], spec.students![1]);
    const days = spec.days ? rng.int(spec.days[0], spec.days[1]) : 90;
    const endsAt = startsAt + days * DAY;
    const signatories = this.participants(t).filter((person, i, all) => all.findIndex((other) => other.org === person.org) === i);
    for (let i = 0; i < students; i++) {
      const id = this.ids.next();
      this.emit(t + i * 3 * MINUTE, (at) => ({
        type: 'SignAgreement',
        partnershipId: this.partnershipId,
        agreementId: id,
        kind: 'learning_agreement',
        signedAt: at,
        validUntil: new Date(endsAt).toISOString(),
        signatoryIds: signatories.map((person) => person.id),
      }));
    }
    signatories.forEach((person) => this.participated.add(person.id));
    this.schedule(startsAt, 'activity', { spec: { ...spec, students: [students, students], days: [days, days] } });
  }

  /** An activity; before the partnership is agreed only as its quick win. */
  private activity(t: number, spec: ActivitySpec, quickWin = false): void {
    if (!this.contactsActive(t) || (!quickWin && this.stage !== 'agreed' && this.stage !== 'active')) return;
    const rng = this.rng;
    const participants = this.participants(t, spec.kind === 'thank_you' || spec.kind === 'network_meeting');
    const id = this.ids.next();
    const days = spec.days ? rng.int(spec.days[0], spec.days[1]) : undefined;
    const students = spec.students ? rng.int(spec.students[0], spec.students[1]) : undefined;
    const kind: ActivityKind = spec.kind;
    this.emit(t, (at) => ({
      type: 'RecordActivity',
      partnershipId: this.partnershipId,
      activityId: id,
      kind,
      startsAt: at,
      ...(days !== undefined ? { endsAt: new Date(Date.parse(at) + days * DAY).toISOString() } : { endsAt: new Date(Date.parse(at) + rng.float(1, 4) * HOUR).toISOString() }),
      ...(students !== undefined && { studentCount: students }),
      participantIds: participants.map((person) => person.id),
    }));
    participants.forEach((person) => this.participated.add(person.id));
  }

  private evaluate(t: number): void {
    if (this.ended) return;
    const rng = this.rng;
    const nextAt = workMoment(rng, t + rng.float(330, 400) * DAY);
    this.schedule(nextAt, 'evaluate');
    if (!this.contactsActive(t) || t > this.evaluationsUntil || this.stage === 'exploring' || !rng.chance(this.profile.evaluate)) return;
    const participants = this.participants(t, true);
    if (!participants.some((person) => person.org === this.seed.school) || !participants.some((person) => person.org === this.seed.partner)) return;
    const [low, high] = this.profile.ratings;
    const school = rng.int(low, high);
    const partner = Math.min(10, Math.max(1, school + rng.int(-1, 1)));
    const id = this.ids.next();
    const at = this.emit(t, (iso) => ({
      type: 'HoldEvaluation',
      partnershipId: this.partnershipId,
      evaluationId: id,
      heldAt: iso,
      participantIds: participants.map((person) => person.id),
      schoolSatisfaction: school,
      partnerSatisfaction: partner,
      ...(rng.chance(0.6) && { notes: rng.pick(EVALUATION_NOTES) }),
      nextEvaluationDue: new Date(Date.parse(iso) + YEAR).toISOString(),
    }));
    participants.forEach((person) => this.participated.add(person.id));
    const commitments = rng.int(0, 2) + (rng.chance(this.rates.commitments - 1) ? 1 : 0);
    for (let i = 0; i < commitments; i++) this.makeCommitment(at + (i + 1) * 5 * MINUTE, participants);
  }

  // ---- commitments ---------------------------------------------------------------------------------

  private makeCommitment(t: number, present: PlannedPerson[]): void {
    const rng = this.rng;
    const side: Side = rng.chance(0.55) ? 'partner' : 'school';
    const org = sideOrg(this.seed, side);
    const owners = present.filter((person) => person.org === org && availableAt(person, t + DAY));
    const owner = owners.length > 0 && rng.chance(0.85) ? rng.pick(owners) : undefined;
    const dueAt = workMoment(rng, t + rng.float(14, 120) * DAY, 15, 16);
    const id = this.ids.next();
    const description = rng.pick(COMMITMENTS[side]);
    this.emit(t, (at) => ({
      type: 'MakeCommitment',
      partnershipId: this.partnershipId,
      commitmentId: id,
      side,
      ...(owner && { ownerId: owner.id }),
      description,
      dueAt: new Date(dueAt).toISOString(),
      madeAt: at,
    }));
    const outcome = weightedIndex(rng, this.profile.outcomes);
    this.schedule(this.closingTime(t, dueAt, outcome), 'close', { commitment: { id, outcome, dueAt } });
  }

  private closingTime(madeAt: number, dueAt: number, outcome: number): number {
    const rng = this.rng;
    switch (outcome) {
      case 0: // on time
        return Math.max(madeAt + DAY, dueAt - rng.float(0, Math.min(20, (dueAt - madeAt) / DAY - 1)) * DAY) - HOUR;
      case 1: // late
        return workMoment(rng, dueAt + rng.float(3, 75) * DAY);
      case 2: // broken
        return workMoment(rng, dueAt + rng.float(5, 60) * DAY);
      case 3: // cancelled
        return workMoment(rng, madeAt + rng.float(0.2, 0.9) * (dueAt - madeAt));
      default: // forgotten: still open
        return dueAt;
    }
  }

  private closeCommitment(t: number, commitment: { id: string; outcome: number; dueAt: number }): void {
    const tally = this.stats.commitments;
    // A relation nobody looks after any more does not close its commitments.
    if (commitment.outcome === 4 || !this.contactsActive(t)) {
      tally.forgotten += 1;
      return;
    }
    const partnershipId = this.partnershipId;
    const { id: commitmentId } = commitment;
    if (commitment.outcome === 0 || commitment.outcome === 1) {
      this.emit(t, (at) => ({ type: 'FulfilCommitment', partnershipId, commitmentId, at }));
      if (commitment.outcome === 0) tally.onTime += 1;
      else tally.late += 1;
    } else if (commitment.outcome === 2) {
      this.emit(t, (at) => ({ type: 'BreakCommitment', partnershipId, commitmentId, at, reason: this.rng.pick(BROKEN_REASONS) }));
      tally.broken += 1;
    } else {
      this.emit(t, (at) => ({ type: 'CancelCommitment', partnershipId, commitmentId, at, reason: this.rng.pick(CANCEL_REASONS) }));
      tally.cancelled += 1;
    }
  }
}

function poisson(rng: Random, mean: number): number {
  if (mean <= 0) return 0;
  if (mean > 30) return Math.max(0, Math.round(rng.normal(mean, Math.sqrt(mean))));
  const limit = Math.exp(-mean);
  let k = 0;
  let p = rng.next();
  while (p > limit) {
    k += 1;
    p *= rng.next();
  }
  return k;
}

function weightedIndex(rng: Random, weights: readonly number[]): number {
  return rng.weighted(weights.map((weight, index): [number, number] => [index, weight]));
}
