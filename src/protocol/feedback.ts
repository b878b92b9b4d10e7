import * as v from 'valibot';
import { command, empty } from './define.ts';

/** What the user chose about the extension's feedback (notifications when a job ends). */
export interface FeedbackSettings {
  notifications: boolean;
}

export const feedbackCommands = {
  getFeedbackSettings: command<FeedbackSettings>()(empty),
  setFeedbackSettings: command<FeedbackSettings>()(v.object({ notifications: v.boolean() })),
};
