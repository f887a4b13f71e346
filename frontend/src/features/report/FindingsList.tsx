import { Empty, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Finding } from '../../api/types';
import { useSelection } from '../../selection/SelectionContext';
import { fixTarget, sortFindings } from './findings';

/** The checker's findings, fatal first, each with what was expected and (for our own reports) where to fix it. */
export function FindingsList({ findings, withFixLinks, testId = 'findings' }: { findings: readonly Finding[]; withFixLinks: boolean; testId?: string }) {
  const { t } = useTranslation();
  const { linkTo } = useSelection();
  if (findings.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('findings.none')} data-testid={`${testId}-none`} />;
  }
  const columns: TableColumnsType<Finding & { key: number }> = [
    {
      title: t('findings.severity'),
      key: 'severity',
      width: 88,
      render: (_v, f) =>
        f.severity === 'FATAL' ? <Tag color="error">{t('findings.fatal')}</Tag> : <Tag color="warning">{t('findings.warning')}</Tag>,
    },
    { title: t('findings.tag'), key: 'tag', width: 96, render: (_v, f) => t(`findings.tags.${f.tag}`) },
    {
      title: t('findings.where'),
      key: 'where',
      width: 130,
      // A missing section has no place of its own: the checker's paragraph is where it noticed.
      render: (_v, f) =>
        f.section && f.rule !== 'outline.missing-section'
          ? f.paragraph > 0
            ? t('findings.sectionParagraph', { section: f.section, paragraph: f.paragraph })
            : t('findings.section', { section: f.section })
          : t('findings.whole'),
    },
    {
      title: t('findings.message'),
      key: 'message',
      render: (_v, f) => (
        <div>
          <Typography.Text>{f.message}</Typography.Text>
          {f.expected ? (
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('findings.expected', { expected: f.expected })}
              </Typography.Text>
            </div>
          ) : null}
          {f.excerpt ? (
            <blockquote style={{ margin: '4px 0 0', paddingInlineStart: 8, borderInlineStart: '3px solid #d9d9d9', color: '#595959', fontSize: 12 }}>
              {f.excerpt.length > 160 ? `${f.excerpt.slice(0, 160)}…` : f.excerpt}
            </blockquote>
          ) : null}
        </div>
      ),
    },
  ];
  if (withFixLinks) {
    columns.push({
      title: t('findings.fix'),
      key: 'fix',
      width: 130,
      render: (_v, f) => {
        const target = fixTarget(f);
        if (!target) return null;
        const href = `${linkTo(target.path)}${target.field ? `#narrative-${target.field}` : ''}`;
        return (
          <Link to={href} data-testid="finding-fix">
            {t(`findings.fixAt.${target.labelKey}`)}
          </Link>
        );
      },
    });
  }
  return (
    <Table
      size="small"
      rowKey="key"
      data-testid={testId}
      dataSource={sortFindings(findings).map((f, key) => ({ ...f, key }))}
      columns={columns}
      pagination={findings.length > 20 ? { pageSize: 20 } : false}
      onRow={(f) => ({ 'data-testid': `finding-${f.severity}` }) as React.HTMLAttributes<HTMLElement>}
    />
  );
}
