import { useState } from 'react';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DownloadedFile } from '../api/client';
import { errorText } from '../api/errorText';
import { saveBlob } from '../lib/saveFile';

/**
 * A download with the token: saves the file, says so, or shows why it failed. busy is the key of the
 * download running (one at a time per component).
 */
export function useDownload<K extends string>() {
  const { t } = useTranslation();
  const { message, notification } = App.useApp();
  const [busy, setBusy] = useState<K | null>(null);
  const download = async (key: K, fetchFile: () => Promise<DownloadedFile>) => {
    setBusy(key);
    try {
      const file = await fetchFile();
      saveBlob(file.blob, file.filename);
      message.success(t('downloads.done', { file: file.filename }));
    } catch (error) {
      const text = errorText(error, t);
      notification.error({ title: t('downloads.failed'), description: text.detail ?? text.title });
    } finally {
      setBusy(null);
    }
  };
  return { busy, download };
}
