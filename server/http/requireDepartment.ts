/** The 400 every route answers when a body names a department that does not exist (none named: nothing to check). */
import { AppError } from '../errors.js'
import type { Store } from '../store/types.js'

export const requireDepartment = async (store: Store, departmentId: string | null | undefined): Promise<void> => {
  if (departmentId && !(await store.directory.getDepartment(departmentId)))
    throw new AppError(400, 'unknown-department', '部门不存在', [{ path: 'departmentId', message: '部门不存在' }])
}
