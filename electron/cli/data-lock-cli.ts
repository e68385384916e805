// The CLI's use of the data-folder lock: a second fix/undo waits with one message, and a busy folder is a clear refusal.
import type { Lang } from '../../shared/contract/ids.ts';
import { DataFolderBusyError, withDataLock } from '../services/data-lock.ts';
import { CliUsageError, type CliIo } from './cli-types.ts';

/** Runs `work` holding the lock on the data folder (restore, change, save happen as one unit for other processes). */
export async function holdingDataLock<T>(dataDir: string, io: CliIo, lang: Lang, work: () => Promise<T>): Promise<T> {
  try {
    return await withDataLock(dataDir, work, {
      onWait: () =>
        io.stderr.write(
          lang === 'zh-CN'
            ? '另一个 MSI Doctor 修复或撤销正在使用数据文件夹，等待它完成……\n'
            : 'Another MSI Doctor repair or undo is using the data folder; waiting for it to finish...\n',
        ),
    });
  } catch (error) {
    if (error instanceof DataFolderBusyError) throw new CliUsageError(error.message);
    throw error;
  }
}
