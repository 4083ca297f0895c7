import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Picture } from "./Picture";
import { pictureSrc } from "./pictures";

/**
 * Hearing a screen, in its own language, from audio made on the server. Without JavaScript: the
 * browser's own player (`<audio controls>`), which every device can play. With it: one large "Listen"
 * button that plays and stops. Nothing ever plays by itself.
 */
export function Listen({ src, label, button }: { src: string; label: string; button: string }) {
  const { t } = useTranslation("easyread");
  const [enhanced, setEnhanced] = useState(false);
  const [playing, setPlaying] = useState(false);
  const audio = useRef<HTMLAudioElement>(null);
  useEffect(() => setEnhanced(true), []);
  useEffect(() => setPlaying(false), [src]);

  if (!enhanced) {
    return (
      <div className="er-listen">
        <p className="er-listen__label">
          <Picture src={pictureSrc("speaker")} size={40} />
          <span>{label}</span>
        </p>
        {/* preload="none": nothing is downloaded until it is asked for. */}
        <audio className="er-listen__player" controls preload="none" src={src} />
      </div>
    );
  }
  const toggle = () => {
    const player = audio.current;
    if (!player) return;
    if (player.paused) {
      player.currentTime = 0;
      void player.play().catch(() => setPlaying(false));
    } else player.pause();
  };
  return (
    <div className="er-listen">
      <button type="button" className="button er-listen__button" onClick={toggle}>
        <Picture src={pictureSrc("speaker")} size={40} />
        <span>{playing ? t("listen.stop") : button}</span>
      </button>
      <audio
        ref={audio}
        preload="none"
        src={src}
        onPlay={() => setPlaying(true)}
        onPause={() => setPlaying(false)}
        onEnded={() => setPlaying(false)}
      />
    </div>
  );
}

/**
 * With JavaScript, a switch to hear each answer as it gets focus (by Tab, arrow keys or switch
 * scanning), on request only: it starts off, and the choice is kept for this visit on this device.
 * Each answer card carries its own audio in `data-audio`.
 */
export function SayEachAnswer({ within }: { within: string }) {
  const { t } = useTranslation("easyread");
  const [enhanced, setEnhanced] = useState(false);
  const [on, setOn] = useState(false);
  useEffect(() => {
    setEnhanced(true);
    setOn(sessionStorage.getItem("easyread-say-each") === "on");
  }, []);
  useEffect(() => {
    if (!on) return;
    const player = new Audio();
    const speak = (event: FocusEvent) => {
      const target = event.target as HTMLElement | null;
      const clip = target?.closest(within) ? target.getAttribute("data-audio") : null;
      if (!clip) return;
      player.src = clip;
      void player.play().catch(() => {});
    };
    document.addEventListener("focusin", speak);
    return () => {
      document.removeEventListener("focusin", speak);
      player.pause();
    };
  }, [on, within]);
  if (!enhanced) return null;
  return (
    <button
      type="button"
      className="button button--secondary er-say-each"
      aria-pressed={on}
      onClick={() => {
        sessionStorage.setItem("easyread-say-each", on ? "off" : "on");
        setOn(!on);
      }}
    >
      {t("listen.eachAnswer")}
    </button>
  );
}
