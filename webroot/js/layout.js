// Keeps the chat column within the screen: its height is what is left below whatever sits above it (top bar,
// banners, alerts, controls), so the log is the one thing that scrolls and the compose box stays in view.

export function fitChat(chat) {
  const root = document.documentElement;
  const set = () => {
    const top = Math.max(0, Math.round(chat.getBoundingClientRect().top + window.scrollY));
    if (root.style.getPropertyValue('--chat-top') !== `${top}px`) root.style.setProperty('--chat-top', `${top}px`);
  };
  new ResizeObserver(set).observe(document.body);
  addEventListener('resize', set);
  set();
}
