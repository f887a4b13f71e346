import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithProviders, ZFW_DEPARTMENT } from '../../test/renderWithProviders';
import { problem } from '../../test/fakeApi';
import { sampleNarrative } from '../../test/sampleNarrative';
import { NarrativeEditor } from './NarrativeEditor';

const saved = sampleNarrative();

describe('NarrativeEditor', () => {
  it('sends the new shape and shows the server’s field error at the measure', async () => {
    const bodies: unknown[] = [];
    const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = typeof input === 'string' ? input : input.toString();
      if (init?.method === 'PUT' && url.endsWith('/narrative')) {
        bodies.push(JSON.parse(String(init.body)));
        return problem(400, '请求有误', {
          code: 'request.invalid',
          errors: [{ field: 'measures[1].problemRef', message: '这条措施所针对的问题不存在（问题可能已被删除），请重新选择。' }],
        });
      }
      return new Response(null, { status: 404 });
    }) as typeof fetch;
    const user = userEvent.setup();
    renderWithProviders(<NarrativeEditor departmentId={ZFW_DEPARTMENT} fiscalYear={2020} narrative={saved} editable />, { fetchImpl });

    expect(await screen.findByTestId('narrative-problems-0-text')).toHaveValue('项目预算编制不够细化。');
    expect(screen.getAllByTestId('narrative-problem')).toHaveLength(2);
    expect(screen.getAllByTestId('narrative-measure')).toHaveLength(3);

    // the converted measure must name its problem before the form is sent
    await user.click(screen.getByTestId('narrative-save'));
    expect(await screen.findByText('请选择这条措施针对的问题')).toBeInTheDocument();
    expect(bodies).toHaveLength(0);

    // remove the third measure, then move the second problem up: the first measure now answers problem 2
    await user.click(screen.getByRole('button', { name: '措施三 删除' }));
    await user.click(screen.getByRole('button', { name: '问题二 上移' }));
    await user.click(screen.getByTestId('narrative-save'));
    await waitFor(() => expect(bodies).toHaveLength(1));
    expect(bodies[0]).toMatchObject({
      problems: [{ text: '超编 2 人。', cause: null }, { text: '项目预算编制不够细化。', cause: '新增任务未能预见' }],
      measures: [
        { text: '细化项目预算。', problemRef: 2 },
        { text: '逐步消化超编。', problemRef: 1 },
      ],
      version: 4,
    });
    expect(await screen.findByText('这条措施所针对的问题不存在（问题可能已被删除），请重新选择。')).toBeInTheDocument();
  });
});
