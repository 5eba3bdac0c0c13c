import { ProjectionsView } from '@crm/read-models';
import { EVERY_SCHOOL as ALL, schoolsScope } from '../scope/scope';
import { FiguresCache } from './figures-cache';

/** The part of the projections the cache reads: how far they are and which generation is live. */
function projectionsAt(position: number, generation = 1) {
  const view = { position, generation };
  const projections = { get position() { return view.position; }, collection: (name: string) => `${name}_g${view.generation}` } as unknown as ProjectionsView;
  return { view, cache: new FiguresCache(projections) };
}

describe('FiguresCache', () => {
  it('answers a repeated question from the first computation while the read models stand still', async () => {
    const { cache } = projectionsAt(10);
    const compute = jest.fn(async () => ({ atRisk: 3 }));
    const first = await cache.answer(ALL, 'levels 2026-06-01', compute);
    const again = await cache.answer(ALL, 'levels 2026-06-01', compute);
    expect(again).toBe(first);
    expect(compute).toHaveBeenCalledTimes(1);
  });

  it('computes again once a write has reached the read models, or a rebuilt generation went live', async () => {
    const { view, cache } = projectionsAt(10);
    let atRisk = 3;
    const compute = async () => ({ atRisk });
    expect(await cache.answer(ALL, 'levels', compute)).toEqual({ atRisk: 3 });
    atRisk = 4;
    view.position = 11;
    expect(await cache.answer(ALL, 'levels', compute)).toEqual({ atRisk: 4 });
    atRisk = 5;
    view.generation = 2;
    expect(await cache.answer(ALL, 'levels', compute)).toEqual({ atRisk: 5 });
  });

  it('keeps other questions (another asOf, another filter) apart', async () => {
    const { cache } = projectionsAt(10);
    expect(await cache.answer(ALL, 'levels 2026-06-01', async () => 'june')).toBe('june');
    expect(await cache.answer(ALL, 'levels 2026-07-01', async () => 'july')).toBe('july');
    expect(await cache.answer(ALL, 'levels 2026-06-01', async () => 'recomputed')).toBe('june');
  });

  it('never hands one scope the answer computed for another', async () => {
    const { cache } = projectionsAt(10);
    const ownSchool = schoolsScope(['school-a'], 'own_school');
    expect(await cache.answer(ALL, 'levels', async () => 'every school')).toBe('every school');
    expect(await cache.answer(ownSchool, 'levels', async () => 'school a only')).toBe('school a only');
    expect(await cache.answer(schoolsScope(['school-a'], 'own_school'), 'levels', async () => 'recomputed')).toBe('school a only');
    expect(await cache.answer(ALL, 'levels', async () => 'recomputed')).toBe('every school');
  });

  it('lets concurrent askers share one computation', async () => {
    const { cache } = projectionsAt(10);
    let release!: (value: string) => void;
    const compute = jest.fn(() => new Promise<string>((resolve) => (release = resolve)));
    const answers = Promise.all([cache.answer(ALL, 'q', compute), cache.answer(ALL, 'q', compute), cache.answer(ALL, 'q', compute)]);
    release('shared');
    expect(await answers).toEqual(['shared', 'shared', 'shared']);
    expect(compute).toHaveBeenCalledTimes(1);
  });

  it('does not keep a failure: the next asker computes again', async () => {
    const { cache } = projectionsAt(10);
    await expect(cache.answer(ALL, 'q', async () => Promise.reject(new Error('read store down')))).rejects.toThrow('read store down');
    expect(await cache.answer(ALL, 'q', async () => 'recovered')).toBe('recovered');
  });

  it('forgets the least recently asked question beyond its capacity', async () => {
    const { cache } = projectionsAt(10);
    const compute = jest.fn(async () => 'first');
    await cache.answer(ALL, 'q0', compute);
    for (let i = 1; i <= 64; i++) await cache.answer(ALL, `q${i}`, async () => i);
    await cache.answer(ALL, 'q0', compute);
    expect(compute).toHaveBeenCalledTimes(2);
  });

  describe('as of a date', () => {
    const now = Date.parse('2026-06-01T09:59:59.400Z');
    const thisSecond = '2026-06-01T10:00:00.000Z';
    const nextSecond = '2026-06-01T10:00:01.000Z';
    const turn = () => new Promise((resolve) => setImmediate(resolve));
    beforeEach(() => jest.spyOn(Date, 'now').mockReturnValue(now));
    afterEach(() => jest.restoreAllMocks());

    it('has the next second ready once the current second is asked for again, computed for that second', async () => {
      const { cache } = projectionsAt(10);
      const compute = jest.fn(async (asOf: string) => `levels at ${asOf}`);
      expect(await cache.answerAsOf(ALL, 'levels', thisSecond, compute)).toBe(`levels at ${thisSecond}`);
      expect(await cache.answerAsOf(ALL, 'levels', thisSecond, compute)).toBe(`levels at ${thisSecond}`);
      await turn();
      expect(compute).toHaveBeenLastCalledWith(nextSecond);
      jest.spyOn(Date, 'now').mockReturnValue(now + 1000);
      expect(await cache.answerAsOf(ALL, 'levels', nextSecond, compute)).toBe(`levels at ${nextSecond}`);
      expect(compute).toHaveBeenCalledTimes(2);
    });

    it('computes nothing ahead for a question asked once, nor for a date other than now', async () => {
      const { cache } = projectionsAt(10);
      const compute = jest.fn(async (asOf: string) => asOf);
      await cache.answerAsOf(ALL, 'levels', thisSecond, compute);
      await cache.answerAsOf(ALL, 'levels', '2026-01-01T00:00:00.000Z', compute);
      await cache.answerAsOf(ALL, 'levels', '2026-01-01T00:00:00.000Z', compute);
      await turn();
      expect(compute.mock.calls).toEqual([[thisSecond], ['2026-01-01T00:00:00.000Z']]);
    });

    it('computes the next second again when a write reached the read models after it was computed ahead', async () => {
      const { view, cache } = projectionsAt(10);
      let atRisk = 3;
      const compute = async (asOf: string) => ({ asOf, atRisk });
      await cache.answerAsOf(ALL, 'levels', thisSecond, compute);
      await cache.answerAsOf(ALL, 'levels', thisSecond, compute);
      await turn();
      atRisk = 4;
      view.position = 11;
      jest.spyOn(Date, 'now').mockReturnValue(now + 1000);
      expect(await cache.answerAsOf(ALL, 'levels', nextSecond, compute)).toEqual({ asOf: nextSecond, atRisk: 4 });
    });
  });
});
