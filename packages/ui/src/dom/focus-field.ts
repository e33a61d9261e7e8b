/** Moves keyboard focus to a named control of the form, so the first problem is where the user lands. */
export function focusField(form: HTMLFormElement | null, name: string | undefined): void {
  if (!form || name === undefined) return;
  const control = form.elements.namedItem(name);
  if (control instanceof HTMLElement) control.focus();
}
