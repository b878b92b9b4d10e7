import { rateChart, type RateSample } from '../../../src/activity/rate-chart.ts';
import { usePlatform } from '../../ui/platform-context.ts';

const WIDTH = 600;
const HEIGHT = 120;

/** The short window's requests against its limit over the last minutes, as a line chart with a text twin. */
export function RateChart({ samples, now, spanMs }: { samples: readonly RateSample[]; now: number; spanMs: number }) {
  const { t } = usePlatform();
  const chart = rateChart(samples, now, spanMs, WIDTH, HEIGHT);
  const minutes = String(Math.round(spanMs / 60_000));
  const summary = chart.latest
    ? t('chartSummary', [minutes, String(chart.latest.used), String(chart.latest.limit), String(chart.peak)])
    : t('chartEmpty');
  return (
    <figure class="chart" data-testid="rate-chart" data-points={chart.used.split(' ').filter(Boolean).length}>
      <svg
        class="rate-chart"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        preserveAspectRatio="none"
        role="img"
        aria-label={summary}
      >
        <polyline class="rate-chart-limit" points={chart.limit} />
        <polyline class="rate-chart-used" points={chart.used} />
      </svg>
      <figcaption>
        <span class="chart-legend" aria-hidden="true">
          <span>
            <span class="chart-key-used" />
            {t('chartRequests')}
          </span>
          <span>
            <span class="chart-key-limit" />
            {t('chartLimit')}
          </span>
        </span>
        <span class="muted" data-testid="rate-chart-summary">
          {summary}
        </span>
      </figcaption>
    </figure>
  );
}
