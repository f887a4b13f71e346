import { Card, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Department } from '../api/types';
import { useSelection } from '../selection/SelectionContext';

/** All departments, for finance-bureau users; a click selects one. */
export default function DepartmentsCard({ departments }: { departments: readonly Department[] }) {
  const { t } = useTranslation();
  const { setDepartment, departmentId } = useSelection();
  return (
    <Card title={t('home.departmentsCard', { count: departments.length })} size="small">
      <Table<Department>
        size="small"
        rowKey="id"
        dataSource={[...departments]}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        rowClassName={(record) => (record.id === departmentId ? 'ant-table-row-selected' : '')}
        onRow={(record) => ({ onClick: () => setDepartment(record.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('home.departmentCode'), dataIndex: 'code', key: 'code', width: 160 },
          { title: t('home.departmentName'), dataIndex: 'name', key: 'name' },
          { title: t('home.jurisdiction'), dataIndex: 'jurisdiction', key: 'jurisdiction', width: 200 },
        ]}
      />
    </Card>
  );
}
