import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithProviders } from '../../test/renderWithProviders';
import { BasicExpenditureForm } from './BasicExpenditureForm';
import { typeText } from '../../test/typeText';

function renderForm(props: Partial<Parameters<typeof BasicExpenditureForm>[0]> = {}) {
  const onSubmit = vi.fn();
  renderWithProviders(
    <BasicExpenditureForm values={{ budget: '', actual: '' }} valuesKey="new" onSubmit={onSubmit} {...props} />,
  );
  return { onSubmit, user: userEvent.setup() };
}

describe('BasicExpenditureForm', () => {
  it('labels its inputs', () => {
    renderForm();
    expect(screen.getByLabelText('预算数（万元）')).toHaveAttribute('data-testid', 'budget-input');
    expect(screen.getByLabelText('实际支出（万元）')).toHaveAttribute('data-testid', 'actual-input');
  });

  it('shows validation messages and does not submit', async () => {
    const { onSubmit, user } = renderForm();
    await typeText(user, screen.getByLabelText('预算数（万元）'), '12.1234567');
    await typeText(user, screen.getByLabelText('实际支出（万元）'), 'abc');
    await user.click(screen.getByRole('button', { name: /保\s*存/ }));

    expect(await screen.findByText('预算数最多 6 位小数')).toBeInTheDocument();
    expect(await screen.findByText('实际支出须为数字，例如 637.88')).toBeInTheDocument();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('asks for missing values', async () => {
    const { onSubmit, user } = renderForm();
    await user.click(screen.getByRole('button', { name: /保\s*存/ }));
    expect(await screen.findByText('请输入预算数')).toBeInTheDocument();
    expect(await screen.findByText('请输入实际支出')).toBeInTheDocument();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('rejects negative amounts', async () => {
    const { user } = renderForm();
    await typeText(user, screen.getByLabelText('预算数（万元）'), '-1');
    expect(await screen.findByText('预算数不能为负数')).toBeInTheDocument();
  });

  it('previews the exact 元 amount and submits normalised 万元 values', async () => {
    const { onSubmit, user } = renderForm();
    await typeText(user, screen.getByLabelText('预算数（万元）'), '637.88');
    await typeText(user, screen.getByLabelText('实际支出（万元）'), ' 699.13');

    expect(screen.getByTestId('budget-yuan-preview')).toHaveTextContent('= 6378800.00 元');
    expect(screen.getByTestId('actual-yuan-preview')).toHaveTextContent('= 6991300.00 元');

    await user.click(screen.getByRole('button', { name: /保\s*存/ }));
    await waitFor(() =>
      expect(onSubmit).toHaveBeenCalledWith(expect.objectContaining({ budget: '637.88', actual: '699.13', personnelActual: '' })),
    );
  });

  it('shows server field errors under the field they name', async () => {
    renderForm({
      values: { budget: '637.88', actual: '699.13' },
      fieldErrors: [{ field: 'actual', message: '实际支出超出允许范围' }],
    });
    expect(await screen.findByText('实际支出超出允许范围')).toBeInTheDocument();
  });

  it('has no save button when read-only', () => {
    renderForm({ readOnly: true, values: { budget: '637.88', actual: '699.13' } });
    expect(screen.queryByRole('button', { name: /保\s*存/ })).not.toBeInTheDocument();
    expect(screen.getByLabelText('预算数（万元）')).toHaveAttribute('readonly');
  });
});
