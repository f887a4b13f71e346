import type { UserEvent } from '@testing-library/user-event';

/**
 * Enters text into a field as a user pasting it: a click, then one input event. `user.type` sends one
 * per character, and each re-renders the whole antd page in the test DOM (100-150 ms a keystroke in jsdom), so tests
 * that are not about keystrokes use this. Like `type`, it adds to what the field holds at the cursor.
 */
export async function typeText(user: UserEvent, element: HTMLElement, text: string): Promise<void> {
  await user.click(element);
  await user.paste(text);
}
