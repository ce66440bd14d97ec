import { useUrlView } from '../../components/useUrlView';
import { readTaskView, writeTaskView, type TaskListView } from './task-params';

function mergeTaskView(now: TaskListView, change: Partial<TaskListView>): TaskListView {
  const keepsPage = Object.keys(change).every((key) => key === 'taskId' || key === 'page');
  return { ...now, page: keepsPage ? now.page : 1, ...change };
}

/** The task list view read from and written to the URL. A filter change goes back to page 1; opening a task keeps the page. */
export const useTaskListView = () => useUrlView(readTaskView, writeTaskView, mergeTaskView);
