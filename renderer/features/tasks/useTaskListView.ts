import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { readTaskView, writeTaskView, type TaskListView } from './task-params';

/** The task list view read from and written to the URL. A filter change goes back to page 1; opening a task keeps the page. */
export function useTaskListView(): [TaskListView, (change: Partial<TaskListView>) => void] {
  const [params, setParams] = useSearchParams();
  const view = useMemo(() => readTaskView(params), [params]);
  const update = useCallback(
    // Built from the URL as it is now, not as it was at render: two quick changes must not undo each other.
    (change: Partial<TaskListView>) => {
      const now = readTaskView(new URLSearchParams(window.location.search));
      const keepsPage = Object.keys(change).every((key) => key === 'taskId' || key === 'page');
      setParams(() => writeTaskView({ ...now, page: keepsPage ? now.page : 1, ...change }), { replace: true });
    },
    [setParams],
  );
  return [view, update];
}
