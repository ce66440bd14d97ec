import '@mantine/charts/styles.css';
import { AreaChart } from '@mantine/charts';
import { formatChartTime, formatDateTime } from '../../../electron/contract/dates';

/** The fleet hashrate's area chart, in a script of its own (FleetHashrateChart loads it): `data` in `unit`, times in `zone`. */
export function FleetHashrateArea({ data, unit, zone }: { data: { at: string; value: number | null }[]; unit: string; zone: string }) {
  return (
    <AreaChart
      h={220}
      data={data}
      dataKey="at"
      valueFormatter={(value) => `${value} ${unit}`}
      yAxisProps={{ tickFormatter: (value: number) => String(value), width: 44 }}
      curveType="monotone"
      withDots={false}
      connectNulls={false}
      series={[{ name: 'value', label: 'Hashrate', color: 'blue.6' }]}
      xAxisProps={{ tickFormatter: (at: string) => formatChartTime(at, zone, false), minTickGap: 40 }}
      tooltipProps={{ labelFormatter: (at: unknown) => (typeof at === 'string' ? formatDateTime(at, zone) : String(at)) }}
    />
  );
}
