import { useState } from 'react';
import { App } from 'antd';
import type { FormInstance } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../api/endpoints';
import { errorText } from '../../api/errorText';
import { isApiError } from '../../api/problem';
import type { BudgetSheet } from '../../api/types';
import { placeFieldErrors, type FieldPath } from '../../lib/fieldErrors';

/** Why a save did not go through, when the user must do something about it. */
export type SaveProblem = { kind: 'conflict' } | { kind: 'locked'; message?: string };

export interface SectionSaveOptions<TVars> {
  departmentId: string;
  fiscalYear: number;
  /** The write; every section write answers with the new sheet. */
  mutationFn(vars: TVars): Promise<BudgetSheet>;
  /** The form whose fields get the server's field errors. */
  form?: FormInstance;
  /** Which server field paths the form has (the rest go to a notification). */
  hasField?(path: FieldPath): boolean;
  /** Success message. */
  savedMessage?: (sheet: BudgetSheet, vars: TVars) => string;
  onSaved?(sheet: BudgetSheet, vars: TVars): void;
}

/**
 * A section write with the common handling: the sheet in the cache is replaced by the answer; a
 * stale version becomes a conflict the user reloads; a locked filing becomes read-only with the
 * server's message; field errors go under their fields; anything else is a notification.
 */
export function useSectionSave<TVars>(options: SectionSaveOptions<TVars>) {
  const { departmentId, fiscalYear, form, hasField } = options;
  const { t } = useTranslation();
  const { message, notification } = App.useApp();
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<SaveProblem | null>(null);
  const sheetKey = queryKeys.sheet(departmentId, fiscalYear);

  const mutation = useMutation({
    mutationFn: options.mutationFn,
    onMutate: () => setProblem(null),
    onSuccess: (sheet, vars) => {
      queryClient.setQueryData(sheetKey, sheet);
      void queryClient.invalidateQueries({ queryKey: queryKeys.yearAudit(departmentId, fiscalYear) });
      message.success(options.savedMessage ? options.savedMessage(sheet, vars) : t('common.saved'));
      options.onSaved?.(sheet, vars);
    },
    onError: (error) => {
      if (isApiError(error) && error.isFilingLocked) {
        setProblem({ kind: 'locked', message: error.problem.detail });
        void queryClient.invalidateQueries({ queryKey: sheetKey });
        return;
      }
      if (isApiError(error) && error.isVersionConflict) {
        setProblem({ kind: 'conflict' });
        return;
      }
      if (isApiError(error) && error.fieldErrors.length > 0) {
        const { placed, unplaced } = placeFieldErrors(error.fieldErrors, (path) =>
          form !== undefined && (hasField ? hasField(path) : true),
        );
        if (form && placed.length > 0) {
          form.setFields(placed);
        }
        if (unplaced.length > 0) {
          notification.error({
            title: t('errors.fieldErrors'),
            description: unplaced.map((fieldError) => fieldError.message).join(t('common.listSeparator')),
          });
        }
        return;
      }
      const text = errorText(error, t);
      notification.error({ title: text.title, description: text.detail });
    },
  });

  /** After a conflict: fetch the latest sheet (the forms reset to it) and clear the problem. */
  const reload = async () => {
    await queryClient.refetchQueries({ queryKey: sheetKey });
    setProblem(null);
  };

  return {
    save: mutation.mutate,
    saving: mutation.isPending,
    problem,
    reload,
    clearProblem: () => setProblem(null),
  };
}
