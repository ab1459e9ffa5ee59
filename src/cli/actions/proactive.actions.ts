import { ProactiveImport } from '../../modules/proactive/proactive-import.service';
import { importFile } from '../support/import-file';

/** `import proactive --file F.jsonl`: register items and section 二 figures, all or nothing. */
export function importProactive(file: string): Promise<void> {
  return importFile(file, (app, text, progress) => app.get(ProactiveImport).import(text, progress));
}
