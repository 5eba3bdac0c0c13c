import 'reflect-metadata';
import { settingsFromEnv } from '../../api/src/config/settings';
import { EVENT_LOG_USAGE, exportCommand, importCommand } from './event-log-commands';
import { GENERATE_USAGE, generateCommand } from './generate-command';
import { IMPORT_SHEET_USAGE, importSheetCommand } from './import-sheet-command';
import { TOKEN_USAGE, tokenCommand } from './issue-token';
import { rebuildProjections } from './rebuild-projections';
import { REPAIR_USAGE, repairEventCommand } from './repair-event';

const USAGE = `usage: npm run cli -- <command>

commands:
  rebuild-projections   rebuild every read model from position 0 (stop the API first in embedded mode)
  ${TOKEN_USAGE}
  ${EVENT_LOG_USAGE}
  ${GENERATE_USAGE}
  ${REPAIR_USAGE}
  ${IMPORT_SHEET_USAGE}`;

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  const settings = settingsFromEnv();
  switch (command) {
    case 'rebuild-projections':
      await rebuildProjections(settings, (line) => console.log(line));
      return 0;
    case 'generate':
      console.log(await generateCommand(settings, args));
      return 0;
    case 'export':
      console.log(await exportCommand(settings, args));
      return 0;
    case 'import':
      console.log(await importCommand(settings, args));
      return 0;
    case 'repair-event':
      console.log(repairEventCommand(settings, args));
      return 0;
    case 'import-sheet': {
      const { output, ok } = await importSheetCommand(settings, args);
      console.log(output);
      return ok ? 0 : 1;
    }
    case 'token':
      console.log(tokenCommand(settings, args));
      return 0;
    default:
      console.error(USAGE);
      return command ? 2 : 0;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
