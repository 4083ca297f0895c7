import { createFocusManager } from "react-aria/private/focus/FocusScope";
import { announce } from "react-aria/private/live-announcer/LiveAnnouncer";
import { SCAN_SPEEDS, type SwitchSettings } from "./switch";

/**
 * Switch scanning, loaded only when switch mode is on. Each control of the page (answer cards first)
 * gets focus in turn: automatically at the chosen speed with one switch, or on Space with two. The
 * switch (Space or Enter; Enter with two) then chooses what has focus: an answer is chosen and focus
 * goes to "Next"; a button or link is pressed.
 *
 * Focus itself moves, not a look-alike highlight, so screen readers say each item as it comes and the
 * page's own focus style shows it. react-aria's focus manager walks the page's focusable controls in
 * order and wraps at the end; its announcer tells screen reader users what the switch does and what
 * was chosen. Someone using their own switch software (which sends Tab) takes over: scanning stops at
 * their first Tab or pointer press, and keys do what they always do.
 */
export interface ScanWords {
  started: string;
  chosen: (answer: string) => string;
  stopped: string;
}

export function startScanning(root: HTMLElement, settings: SwitchSettings, words: ScanWords): () => void {
  const scannable = (node: Element) =>
    node instanceof HTMLElement && node.tabIndex >= 0 && !node.closest("[aria-hidden='true']");
  const manager = createFocusManager({ current: root }, { tabbable: false, wrap: true, accept: scannable });
  let current: HTMLElement | null = null;
  let timer: ReturnType<typeof setInterval> | undefined;
  let stopped = false;

  const focus = (element: HTMLElement | null) => {
    current?.removeAttribute("data-scan-highlight");
    current = element;
    current?.setAttribute("data-scan-highlight", "");
  };
  const move = () => {
    const from = current && root.contains(current) ? current : undefined;
    focus((from ? manager.focusNext({ from }) : manager.focusFirst()) as HTMLElement | null);
  };
  const restartTimer = () => {
    clearInterval(timer);
    if (settings.switches === "one") timer = setInterval(move, SCAN_SPEEDS[settings.speed]);
  };
  const moveTo = (element: HTMLElement | null) => {
    if (!element) return move();
    element.focus();
    focus(element);
  };
  const choose = () => {
    const target = current;
    if (!target) return;
    target.click();
    if (target instanceof HTMLInputElement && (target.type === "radio" || target.type === "checkbox")) {
      const answer = target.closest("label")?.textContent?.trim();
      if (answer && target.checked) announce(words.chosen(answer), "polite");
      // One answer: on to Next. "Choose any": stay, to choose more.
      if (target.type === "radio") moveTo(root.querySelector<HTMLElement>("[data-scan-after-choice]"));
    }
    restartTimer();
  };

  const onKey = (event: KeyboardEvent) => {
    if (stopped) return;
    if (event.key === "Tab") return stop();
    const select = event.key === "Enter" || (event.key === " " && settings.switches === "one");
    const next = event.key === " " && settings.switches === "two";
    if (!select && !next) return;
    event.preventDefault(); // the switch decides, not the browser's own Space or Enter
    if (event.type !== "keydown" || event.repeat) return;
    if (next) {
      move();
      return;
    }
    choose();
  };
  const stop = () => {
    if (stopped) return;
    stopped = true;
    clearInterval(timer);
    focus(null);
    announce(words.stopped, "polite");
  };

  document.addEventListener("keydown", onKey, true);
  document.addEventListener("keyup", onKey, true);
  document.addEventListener("pointerdown", stop, true);
  announce(words.started, "polite");
  moveTo(root.querySelector<HTMLElement>("[data-scan-start]") ?? root.querySelector<HTMLElement>(".er-card__input"));
  restartTimer();

  return () => {
    stopped = true;
    clearInterval(timer);
    focus(null);
    document.removeEventListener("keydown", onKey, true);
    document.removeEventListener("keyup", onKey, true);
    document.removeEventListener("pointerdown", stop, true);
  };
}
