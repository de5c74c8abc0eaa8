import { type ComponentType, lazy, memo, Suspense, useEffect, useRef } from "react";

type RouterLike = { subscribe(listener: (state: { navigation: { state: string } }) => void): () => void };

/**
 * A part of the product page below the fold (the examples, the reviews) whose code the browser
 * fetches when the part comes near the screen, not before the page is interactive (ADR 36).
 *
 * The server renders it as usual, inside a Suspense boundary. The browser hydrates the rest of the
 * page and leaves this part as the server's HTML (visible, its links plain links) until its code is
 * here, then hydrates it. The code is fetched when the part is within a screen of the viewport, when
 * a pointer or focus enters it, when the page starts to navigate (a dehydrated part must not hold a
 * navigation up), or at once where the part is rendered anew (a client navigation to the page).
 *
 * `server` is the component itself on the server (`import.meta.env.SSR ? Component : undefined`, so
 * the browser build leaves it out) and `load` imports it in the browser. The returned component is
 * memoized: a parent re-render with the same props must not reach the boundary before it hydrates
 * (React would give up on its HTML and render it anew), so pass it props from the loader's data.
 */
export function hydrateWhenVisible<Props extends object>(
  name: string,
  server: ComponentType<Props> | undefined,
  load: () => Promise<ComponentType<Props>>,
) {
  let start = () => {};
  const wanted = new Promise<void>((resolve) => {
    start = resolve;
  });
  const Part = (server ??
    lazy(() => wanted.then(load).then((component) => ({ default: component })))) as ComponentType<Props>;

  /** Shown only where the part renders anew in the browser (never over the server's HTML). */
  function LoadNow() {
    useEffect(() => start(), []);
    return null;
  }

  function WhenVisible(props: Props) {
    const ref = useRef<HTMLDivElement>(null);
    useEffect(() => {
      const element = ref.current;
      const router = (window as { __remixRouter?: RouterLike }).__remixRouter;
      if (!element || !router || typeof IntersectionObserver === "undefined") return start();
      const observer = new IntersectionObserver(
        (entries) => {
          if (entries.some((entry) => entry.isIntersecting)) start();
        },
        { rootMargin: "100% 0px" },
      );
      observer.observe(element);
      const unsubscribe = router.subscribe((state) => {
        if (state.navigation.state !== "idle") start();
      });
      const events = ["pointerover", "focusin", "touchstart"] as const;
      for (const event of events) element.addEventListener(event, start, { passive: true });
      void wanted.then(() => {
        observer.disconnect();
        unsubscribe();
        for (const event of events) element.removeEventListener(event, start);
      });
      return () => {
        observer.disconnect();
        unsubscribe();
        for (const event of events) element.removeEventListener(event, start);
      };
    }, []);
    return (
      <div ref={ref} data-hydrate={name}>
        <Suspense fallback={<LoadNow />}>
          <Part {...props} />
        </Suspense>
      </div>
    );
  }
  WhenVisible.displayName = `HydrateWhenVisible(${name})`;
  return memo(WhenVisible);
}
