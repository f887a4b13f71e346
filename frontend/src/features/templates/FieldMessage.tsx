import { Typography } from 'antd';

/** The messages to show at a field path (the editor's own checks first, then the service's). */
export type MessagesAt = (path: string) => string[];

/** The messages of one field, under it; nothing when there are none. */
export function FieldMessage({ path, messages }: { path: string; messages: readonly string[] }) {
  if (messages.length === 0) {
    return null;
  }
  return (
    <Typography.Text type="danger" role="alert" style={{ fontSize: 12, display: 'block' }} data-testid={`error-${path}`}>
      {messages.join(' ')}
    </Typography.Text>
  );
}
