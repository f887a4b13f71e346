import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Card, Descriptions, Empty, Space, Spin, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '../../api/ApiContext';
import { api, queryKeys } from '../../api/endpoints';
import type { BasicExpenditure } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { appConfig } from '../../config';
import { formatPercent, formatWan, formatWanValue } from '../../lib/money';
import { findExecutionRate, isCurrent, pollDelay } from './results';

interface ComputedResultsProps {
  departmentId: string;
  fiscalYear: number;
  /** The saved figures; null when nothing was entered yet. */
  saved: BasicExpenditure | null;
}

/**
 * 预算完成率, 差异 and the report paragraph for the saved figures. The evaluation and report
 * services compute them from budget events, so this polls both until their `sourceVersion` reaches
 * the saved version (soon after the save, then less often: pollDelay), and gives up after
 * `appConfig.polling.timeoutMs`.
 */
export function ComputedResults({ departmentId, fiscalYear, saved }: ComputedResultsProps) {
  const { t } = useTranslation();
  const client = useApiClient();
  const targetVersion = saved?.version ?? null;
  const [attempt, setAttempt] = useState(0);
  const [timedOutKey, setTimedOutKey] = useState<string | null>(null);
  const pollKey = `${departmentId}/${fiscalYear}/${targetVersion}/${attempt}`;
  const timedOut = timedOutKey === pollKey;
  const enabled = targetVersion !== null;
  // when the current wait began (taken at its first poll): the polls come quickly at first, then less often
  const waitStart = useRef({ key: '', at: 0 });
  const nextPoll = () => {
    if (waitStart.current.key !== pollKey) {
      waitStart.current = { key: pollKey, at: Date.now() };
    }
    return pollDelay(Date.now() - waitStart.current.at, appConfig.polling.intervalMs);
  };

  const evaluationQuery = useQuery({
    queryKey: queryKeys.evaluation(departmentId, fiscalYear),
    queryFn: ({ signal }) => api.evaluation(client, departmentId, fiscalYear, signal),
    enabled,
    retry: 1,
    refetchInterval: (query) => (isCurrent(query.state.data, targetVersion) || timedOut ? false : nextPoll()),
  });
  const sectionQuery = useQuery({
    queryKey: queryKeys.basicExpenditureSection(departmentId, fiscalYear),
    queryFn: ({ signal }) => api.basicExpenditureSection(client, departmentId, fiscalYear, signal),
    enabled,
    retry: 1,
    refetchInterval: (query) => (isCurrent(query.state.data, targetVersion) || timedOut ? false : nextPoll()),
  });

  const evaluation = evaluationQuery.data;
  const section = sectionQuery.data;
  const evaluationReady = isCurrent(evaluation, targetVersion);
  const sectionReady = isCurrent(section, targetVersion);
  const done = evaluationReady && sectionReady;

  useEffect(() => {
    if (!enabled || done) {
      return undefined;
    }
    const timer = window.setTimeout(() => setTimedOutKey(pollKey), appConfig.polling.timeoutMs);
    return () => window.clearTimeout(timer);
  }, [enabled, done, pollKey]);

  const checkAgain = () => {
    setAttempt((value) => value + 1);
    void evaluationQuery.refetch();
    void sectionQuery.refetch();
  };

  if (!saved) {
    return (
      <Card title={t('results.title')} size="small">
        <Empty description={t('results.nothingYet')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      </Card>
    );
  }

  const pollError = evaluationQuery.error ?? sectionQuery.error;
  const indicator = findExecutionRate(evaluation);
  const rateText =
    indicator && !indicator.missing && indicator.value !== null && indicator.value !== ''
      ? formatPercent(indicator.value)
      : t('results.missing');
  const varianceText = saved.variance ? formatWan(saved.variance) : formatWanValue(section?.figures.varianceWan);

  return (
    <Card title={t('results.title')} size="small" data-testid="computed-results">
      {pollError && !done ? (
        <ErrorAlert error={pollError} title={t('results.loadFailed')} onRetry={checkAgain} />
      ) : null}
      {!done && !timedOut && !pollError ? (
        <div data-testid="results-computing" role="status" aria-live="polite">
          <Space>
            <Spin size="small" />
            <Typography.Text>{t('results.computing')}</Typography.Text>
            <Typography.Text type="secondary">
              {t('results.computingHint', { version: targetVersion })}
            </Typography.Text>
          </Space>
        </div>
      ) : null}
      {!done && timedOut && !pollError ? (
        <Alert
          type="warning"
          showIcon
          data-testid="results-timeout"
          title={t('results.timeout', { version: targetVersion })}
          action={
            <Button size="small" onClick={checkAgain}>
              {t('results.checkAgain')}
            </Button>
          }
        />
      ) : null}
      {done && section ? (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Descriptions column={{ xs: 1, sm: 2 }} size="small" bordered>
            <Descriptions.Item label={t('results.executionRate')}>
              <span data-testid="execution-rate">{rateText}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('results.variance')}>
              <span data-testid="variance">
                {varianceText} {t('common.wan')}
              </span>
            </Descriptions.Item>
          </Descriptions>
          <section data-testid="report-section" aria-label={t('report.title')}>
            <Typography.Text type="secondary">{t('report.title')}</Typography.Text>
            <Typography.Title level={5} data-testid="report-heading" style={{ marginTop: 8 }}>
              {section.heading}
            </Typography.Title>
            {section.paragraphs.length === 0 ? (
              <Typography.Text type="secondary">{t('report.empty')}</Typography.Text>
            ) : (
              section.paragraphs.map((paragraph, index) => (
                <Typography.Paragraph key={index} data-testid="report-paragraph" style={{ textIndent: '2em' }}>
                  {paragraph}
                </Typography.Paragraph>
              ))
            )}
          </section>
        </Space>
      ) : null}
    </Card>
  );
}
