/**
 * The policy builder's up-front script: shows the builder (hidden without JavaScript, where
 * the fixed policy above it stands alone) and loads the builder's logic on first use, or at
 * once when the address carries shared choices.
 */
import { hasChoices } from './policy-output.ts';

const section = document.querySelector<HTMLElement>('[data-policy-builder]');
if (section) {
  section.hidden = false;
  let builder: Promise<{ handle(event: Event): void }> | undefined;
  const load = () => (builder ??= import('./policy-builder.ts').then((m) => m.start(section)));
  for (const type of ['change', 'click']) section.addEventListener(type, (event) => void load().then((b) => b.handle(event)));
  if (hasChoices(location.search)) void load();
}
