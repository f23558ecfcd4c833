// The Lambda functions the sandbox runs itself: custom widgets of the seeded dashboards. Each returns what the
// CloudWatch custom widget documentation describes: HTML as a string, or `{ "markdown": … }`.
// https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/add_custom_widget_dashboard_about.html

export type WidgetFunction = (event: unknown) => Promise<unknown>;

function paramsOf(event: unknown): Record<string, unknown> {
  const e = typeof event === 'object' && event !== null ? (event as Record<string, unknown>) : {};
  const context = typeof e.widgetContext === 'object' && e.widgetContext !== null ? (e.widgetContext as Record<string, unknown>) : {};
  return typeof context.params === 'object' && context.params !== null ? (context.params as Record<string, unknown>) : {};
}

/** A cost table in HTML, with the kinds of markup a page must never run: a script, an event handler, a javascript: link. */
const costWidget: WidgetFunction = async (event) => {
  const top = Number(paramsOf(event).top ?? 3);
  const rows = [['databanana-GenerateFunction', '41.20'], ['create_goal-prod', '12.75'], ['databanana-ProcessImagesFunction', '7.10']].slice(0, top);
  return [
    '<h2>Cost by function (last 7 days)</h2>',
    '<script>document.body.innerHTML = "owned"</script>',
    '<table><tr><th>Function</th><th>USD</th></tr>',
    ...rows.map(([f, usd]) => `<tr><td>${f}</td><td>${usd}</td></tr>`),
    '</table>',
    '<p onclick="alert(1)">Prices from the <a href="javascript:alert(2)">billing export</a> and the <a href="https://aws.amazon.com/lambda/pricing/">Lambda pricing page</a>.</p>',
  ].join('');
};

const releaseNotesWidget: WidgetFunction = async () => ({ markdown: '## Releases\n\n- **v2.4.1** deployed 10:02 UTC\n- v2.4.0 rolled back' });

const failingWidget: WidgetFunction = async () => {
  throw new TypeError("Cannot read properties of undefined (reading 'Items')");
};

export const WIDGET_FUNCTIONS: ReadonlyMap<string, WidgetFunction> = new Map([
  ['ops-cost-widget', costWidget],
  ['ops-release-notes-widget', releaseNotesWidget],
  ['ops-failing-widget', failingWidget],
]);
