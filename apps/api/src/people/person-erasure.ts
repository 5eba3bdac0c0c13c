import { Inject, Injectable } from '@nestjs/common';
import { personDecider, PersonCommand, streamOf } from '@crm/domain';
import { KEY_STORE, KeyStore, subjectOf } from '@crm/privacy';
import { CommandEnvelope, CommandResult } from '../write-side/command-envelope';
import { CommandExecutor } from '../write-side/command-executor';

/**
 * GDPR erasure by crypto-shredding (SPEC §6): append PersonErased, then destroy the person's data key.
 *
 * In that order: PersonErased in the log makes every projection show `[erased]` even before the key is gone, and a
 * key destroyed without the event (a failed append) would leave the read models showing the name until a rebuild.
 * Safe to retry: when the person is already erased (a retry after a crash or a timeout between the two steps, or a
 * second request) nothing new is written, the key is destroyed (idempotent) and the answer is the same success with
 * the stream's current revision. A replayed Idempotency-Key also destroys the key. Every reader of the log destroys
 * the key as well when it meets a PersonErased (CryptoEventStore), so even a crash nobody retries is repaired.
 */
@Injectable()
export class PersonErasure {
  constructor(
    private readonly executor: CommandExecutor,
    @Inject(KEY_STORE) private readonly keys: KeyStore,
  ) {}

  async erase(command: Extract<PersonCommand, { type: 'ErasePerson' }>, envelope: CommandEnvelope): Promise<CommandResult> {
    const streamId = streamOf.person(command.personId);
    const result = await this.executor.run(envelope, async (tools) => {
      const person = await tools.load(streamId, personDecider);
      const now = tools.now;
      const alreadyErased = person.state.exists && person.state.erased;
      const events = alreadyErased ? [] : personDecider.decide(command, person.state, { now });
      return { resultId: command.personId, writes: [{ streamId, decider: personDecider, loaded: person, events }] };
    });
    await this.keys.destroy(subjectOf.person(command.personId));
    return result;
  }
}
