// The report's inline stylesheet: readable on a phone (fluid, wrapping), printable (print rules open details), good contrast.

export const REPORT_CSS = `
:root { color-scheme: light; --fg: #1b1f24; --muted: #4a5360; --line: #d0d7de; --bg: #ffffff; --panel: #f6f8fa; --accent: #0b5cad; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: var(--bg); color: var(--fg); font: 16px/1.5 "Segoe UI", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", system-ui, sans-serif; }
header, main, footer { max-width: 60rem; margin: 0 auto; padding: 0 1rem; overflow-wrap: anywhere; }
header { padding-top: 1.5rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.3rem; margin: 2rem 0 .75rem; padding-bottom: .25rem; border-bottom: 2px solid var(--line); }
h3 { font-size: 1.1rem; margin: 1.25rem 0 .5rem; }
h4 { font-size: 1rem; margin: 1rem 0 .25rem; }
p { margin: .4rem 0; }
a { color: var(--accent); }
.meta { color: var(--muted); margin: 0; }
.notice { border-left: 4px solid var(--accent); background: #eef5fc; padding: .6rem .8rem; margin: .75rem 0; }
.notice.warn { border-color: #a3360f; background: #fdf0ea; color: #5c1d06; }
.notice.sim { border-color: #6639ba; background: #f3effb; color: #35205e; }
.summary { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(20rem, 100%), 1fr)); gap: .75rem; }
.summary section { background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: .25rem 1rem .75rem; }
.summary h3 { margin-top: .6rem; }
ul { padding-left: 1.25rem; margin: .3rem 0; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; }
th, td { text-align: left; vertical-align: top; padding: .35rem .5rem; border-bottom: 1px solid var(--line); overflow-wrap: anywhere; }
th { width: 35%; color: var(--muted); font-weight: 600; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: .25rem 1rem .75rem; margin: .75rem 0; break-inside: avoid; }
.badge { display: inline-block; padding: 0 .45rem; border-radius: 3px; font-size: .85rem; font-weight: 600; border: 1px solid currentColor; white-space: nowrap; }
.s-ok { color: #14632b; background: #eaf6ec; }
.s-problem, .s-failed { color: #9b1c1c; background: #fdeaea; }
.s-warning, .s-unfinished, .s-cancelled { color: #7a4a00; background: #fff4d6; }
.s-security { color: #6b1a7a; background: #f7e9fa; }
.s-error, .s-not-checked, .s-proposed, .s-elevation-declined, .s-undone { color: #3d4550; background: #eef1f4; }
.s-succeeded { color: #14632b; background: #eaf6ec; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; background: var(--panel); border: 1px solid var(--line); border-radius: 4px; padding: .5rem; font: .85rem/1.4 Consolas, "Cascadia Mono", "Noto Sans Mono CJK SC", monospace; margin: .3rem 0; }
details { margin: .4rem 0; }
summary { cursor: pointer; color: var(--accent); font-weight: 600; }
.ln { color: var(--muted); user-select: none; }
footer { color: var(--muted); font-size: .85rem; border-top: 1px solid var(--line); margin-top: 2rem; padding-top: .75rem; padding-bottom: 2rem; }
@media (max-width: 40rem) {
  body { font-size: 15px; }
  th { width: auto; display: block; border-bottom: 0; padding-bottom: 0; }
  td { display: block; padding-top: 0; }
  tr { display: block; border-bottom: 1px solid var(--line); padding: .25rem 0; }
}
@media print {
  body { font-size: 10.5pt; }
  header, main, footer { max-width: none; padding: 0; }
  details::details-content { content-visibility: visible; display: contents; }
  details > summary { color: var(--fg); list-style: none; }
  .summary section, .card, pre { break-inside: avoid-page; }
  h2, h3 { break-after: avoid; }
  a { color: var(--fg); text-decoration: none; }
}
`;
