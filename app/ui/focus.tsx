import { useLocation, useNavigationType } from "@remix-run/react";
import { useEffect, useRef } from "react";

/**
 * After a client-side navigation, focus would be left on an element that no longer exists. Move it where
 * a full page load would leave the reader: the element named in the address's #fragment, or the start of
 * the main content, so screen readers announce the new page.
 */
export function useFocusOnNavigation() {
  const location = useLocation();
  const navigationType = useNavigationType();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (navigationType === "POP") return;
    const target =
      (location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)))) ||
      document.getElementById("main-content");
    if (!target) return;
    if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
    target.focus();
  }, [location, navigationType]);
}
