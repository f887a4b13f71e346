import dayjs from 'dayjs';

/** An ISO instant as local date and time ("2021-01-25 16:00"). */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const value = dayjs(iso);
  return value.isValid() ? value.format('YYYY-MM-DD HH:mm') : iso;
}
