import { useQueries } from '@tanstack/react-query';
import { invokeOrThrow } from '../../api/client';
import { useQueryCall } from '../../api/useCall';

/** Racks grouped "Site / room", for the sites given (every site when none is). */
export function useRackOptions(siteIds: number[], enabled: boolean) {
  const sites = useQueryCall('sites.list', {}, { enabled });
  const wanted = siteIds.length ? siteIds : (sites.data ?? []).map((s) => s.id);
  const details = useQueries({
    queries: wanted.map((id) => ({ queryKey: ['sites.get', { id }], queryFn: () => invokeOrThrow('sites.get', { id }), enabled })),
  });
  const racks = details.flatMap((d) =>
    d.data
      ? d.data.rooms.map((room) => ({
          group: `${d.data.name} / ${room.name}`,
          items: room.racks.map((rack) => ({ value: String(rack.id), label: rack.name })),
        }))
      : [],
  );
  return { sites: sites.data ?? [], racks };
}
