/** The policy builder's DOM side: the form's choices in, the outputs and the share link out. */
import { choicesFromQuery, choicesQuery, hasChoices, policyMarkdown, policyYaml, type FailOn, type PolicyChoices, type PolicyContext, type RuleLevel } from './policy-output.ts';

export function start(section: HTMLElement): { handle(event: Event): void } {
  const context = JSON.parse(section.querySelector('[data-policy-context]')!.textContent!) as PolicyContext;
  const form = section.querySelector<HTMLFormElement>('[data-policy-form]')!;
  const status = section.querySelector<HTMLElement>('[data-policy-status]')!;
  const out = (name: string) => section.querySelector<HTMLElement>(`[data-policy-out="${name}"]`)!;
  const points = () => [...form.querySelectorAll<HTMLInputElement>('input[name="point"]')];
  const levels = () => [...form.querySelectorAll<HTMLSelectElement>('select[data-rule]')];
  const failOn = form.querySelector<HTMLSelectElement>('select[name="failOn"]')!;

  const read = (): PolicyChoices => {
    const severity: Record<string, RuleLevel> = {};
    for (const select of levels()) {
      const own = context.rules.find((r) => r.name === select.dataset.rule)?.severity;
      if (select.value !== own) severity[select.dataset.rule!] = select.value as RuleLevel;
    }
    return { points: points().filter((p) => p.checked).map((p) => p.value), severity, failOn: failOn.value as FailOn };
  };

  const write = (choices: PolicyChoices) => {
    for (const box of points()) box.checked = choices.points.includes(box.value);
    for (const select of levels()) {
      const name = select.dataset.rule!;
      select.value = choices.severity[name] ?? context.rules.find((r) => r.name === name)?.severity ?? 'warning';
    }
    failOn.value = choices.failOn;
  };

  const render = () => {
    const choices = read();
    // A left-out point's rules are ignored altogether: their levels do not apply.
    for (const box of points()) for (const select of box.closest('.lw-policy-point')!.querySelectorAll('select')) select.disabled = !box.checked;
    out('markdown').textContent = policyMarkdown(context, choices);
    out('yaml').textContent = policyYaml(context, choices);
    status.textContent = '';
  };

  const link = () => {
    const query = choicesQuery(context, read());
    return new URL(`${location.pathname}${query ? `?${query}` : ''}#build-your-own-policy`, location.href).href;
  };

  async function copy(what: string): Promise<void> {
    const text = what === 'link' ? link() : out(what).textContent ?? '';
    const label = what === 'link' ? 'Link to these choices' : what === 'yaml' ? '.layerwise.yaml' : 'Markdown policy';
    try {
      await navigator.clipboard.writeText(text);
      status.textContent = `${label} copied.`;
    } catch {
      status.textContent = `Could not copy the ${label}: the browser refused access to the clipboard.`;
    }
  }

  // Shared choices in the address win; otherwise the form stays as the reader left it.
  if (hasChoices(location.search)) write(choicesFromQuery(context, location.search));
  render();
  return {
    handle(event) {
      const target = event.target as HTMLElement;
      if (event.type === 'change' && form.contains(target)) return render();
      const button = target.closest<HTMLButtonElement>('[data-policy-copy]');
      if (event.type === 'click' && button) void copy(button.dataset.policyCopy!);
    },
  };
}
