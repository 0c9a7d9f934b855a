// Runs axe-core (already injected) with the WCAG 2.2 A/AA tags; kiosk screens raise the
// target-size floor to minTarget px. Returns the violations as readable lines.
async ({minTarget}) => {
  axe.configure({ checks: [{ id: 'target-size', options: { minSize: minTarget } }] });
  const result = await axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    rules: { 'target-size': { enabled: true } },
  });
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ` +
      v.nodes.slice(0, 5).map((n) => n.target.join(' ') + ' ' + (n.failureSummary || '').replace(/\s+/g, ' ')).join(' | '));
}
