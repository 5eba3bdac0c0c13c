/**
 * Read-your-writes (SPEC §4): after a command, queries ask the API to wait until its read models include the
 * command's events (`X-Min-Position`, sent by the client in ./api.ts), so a screen never shows the world from before
 * the user's own change.
 */
let reached = 0;

export const readYourWrites = {
  wrote(position: number): void {
    if (Number.isSafeInteger(position) && position > reached) reached = position;
  },
  position: (): number => reached,
};
