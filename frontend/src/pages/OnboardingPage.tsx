import { useState } from 'react';
import { Alert, Button, Card, Checkbox, Col, Descriptions, Form, Input, Result, Row, Select, Space, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApiClient } from '../api/ApiContext';
import { queryKeys } from '../api/endpoints';
import { errorText } from '../api/errorText';
import { PageHeader } from '../components/PageHeader';
import { fiscalYearRange } from '../config';
import {
  ONBOARDING_PATTERNS,
  PASSWORD_LENGTH,
  mapOnboardingError,
  onboardingApi,
  toOnboardingInput,
  type OnboardingErrorView,
  type OnboardingFormValues,
  type OnboardingResult,
} from '../features/onboarding/onboarding';
import { DEPARTMENT_PARAM } from '../selection/resolveSelection';
import { useSelection } from '../selection/SelectionContext';

/** 单位开户: an administrator creates a 预算单位 and its first user account (both or neither). */
export default function OnboardingPage() {
  const { t } = useTranslation();
  const client = useApiClient();
  const queryClient = useQueryClient();
  const { fiscalYear, departments } = useSelection();
  const [form] = Form.useForm<OnboardingFormValues>();
  const [failure, setFailure] = useState<{ view: OnboardingErrorView; error: unknown } | null>(null);
  const [result, setResult] = useState<OnboardingResult | null>(null);
  const jurisdiction = departments[0]?.jurisdiction ?? '';

  const onboard = useMutation({
    mutationFn: (values: OnboardingFormValues) => onboardingApi.onboard(client, toOnboardingInput(values)),
    onMutate: () => setFailure(null),
    onSuccess: (created) => {
      setResult(created);
      void queryClient.invalidateQueries({ queryKey: queryKeys.departments });
    },
    onError: (error) => {
      const view = mapOnboardingError(error, (line) => t('onboarding.line', { line }));
      form.setFields(view.fields as Parameters<typeof form.setFields>[0]);
      setFailure({ view, error });
    },
  });

  const required = (label: string) => ({ required: true, whitespace: true, message: t('onboarding.required', { label }) });

  if (result) {
    const { department, user } = result;
    return (
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        <PageHeader title={t('onboarding.title')} showDepartment={false} showYear={false} />
        <Result
          status="success"
          title={t('onboarding.createdTitle', { name: department.name })}
          subTitle={t('onboarding.createdSubtitle', { username: user.username })}
          data-testid="onboarding-result"
          extra={[
            <Button
              key="again"
              type="primary"
              onClick={() => {
                setResult(null);
                form.resetFields();
              }}
              data-testid="onboarding-again"
            >
              {t('onboarding.again')}
            </Button>,
            <Link key="open" to={`/profile?${new URLSearchParams({ [DEPARTMENT_PARAM]: department.id }).toString()}`}>
              {t('onboarding.openDepartment')}
            </Link>,
          ]}
        >
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t('onboarding.fields.name')}>
              <span data-testid="created-name">{department.name}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('onboarding.fields.code')}>
              <span data-testid="created-code">{department.code}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('onboarding.fields.jurisdiction')}>{department.jurisdiction}</Descriptions.Item>
            <Descriptions.Item label={t('onboarding.fields.firstFiscalYear')}>{department.firstFiscalYear}</Descriptions.Item>
            <Descriptions.Item label={t('onboarding.departmentId')}>
              <Typography.Text copyable>{department.id}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('onboarding.fields.username')}>
              <span data-testid="created-username">{user.username}</span>
            </Descriptions.Item>
            {user.initialPassword ? (
              <Descriptions.Item label={t('onboarding.generatedPassword')}>
                <Typography.Text copyable code data-testid="created-password">
                  {user.initialPassword}
                </Typography.Text>
              </Descriptions.Item>
            ) : null}
          </Descriptions>
          <Alert
            style={{ marginTop: 12 }}
            type="info"
            showIcon
            title={user.initialPassword ? t('onboarding.passwordOnce') : t('onboarding.passwordOwn')}
            description={user.temporaryPassword ? t('onboarding.temporary') : t('onboarding.notTemporary')}
          />
        </Result>
      </Space>
    );
  }

  const alert = failure ? <OnboardingAlert failure={failure} /> : null;

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <PageHeader title={t('onboarding.title')} intro={t('onboarding.intro')} showDepartment={false} showYear={false} />
      {alert}
      <Form<OnboardingFormValues>
        form={form}
        layout="vertical"
        name="onboarding"
        initialValues={{ firstFiscalYear: fiscalYear, jurisdiction, user: { temporaryPassword: true } }}
        onFinish={(values) => onboard.mutate(values)}
        data-testid="onboarding-form"
        scrollToFirstError
      >
        <Row gutter={16}>
          <Col xs={24} lg={12}>
            <Card size="small" title={t('onboarding.departmentCard')}>
              <Form.Item
                name="code"
                label={t('onboarding.fields.code')}
                extra={t('onboarding.hints.code')}
                rules={[required(t('onboarding.fields.code')), { pattern: ONBOARDING_PATTERNS.code, message: t('onboarding.invalid.code') }]}
              >
                <Input maxLength={32} data-testid="onboarding-code" />
              </Form.Item>
              <Form.Item name="name" label={t('onboarding.fields.name')} rules={[required(t('onboarding.fields.name')), { max: 200 }]}>
                <Input maxLength={200} data-testid="onboarding-name" />
              </Form.Item>
              <Form.Item
                name="jurisdiction"
                label={t('onboarding.fields.jurisdiction')}
                rules={[required(t('onboarding.fields.jurisdiction')), { max: 100 }]}
              >
                <Input maxLength={100} data-testid="onboarding-jurisdiction" />
              </Form.Item>
              <Form.Item
                name="firstFiscalYear"
                label={t('onboarding.fields.firstFiscalYear')}
                rules={[{ required: true, message: t('onboarding.required', { label: t('onboarding.fields.firstFiscalYear') }) }]}
              >
                <Select
                  data-testid="onboarding-year"
                  options={fiscalYearRange().map((year) => ({ value: year, label: t('header.yearOption', { year }) }))}
                />
              </Form.Item>
              <Form.Item name="duties" label={t('onboarding.fields.duties')} extra={t('onboarding.hints.lines')}>
                <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} data-testid="onboarding-duties" />
              </Form.Item>
              <Form.Item name="divisions" label={t('onboarding.fields.divisions')} extra={t('onboarding.hints.lines')}>
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} data-testid="onboarding-divisions" />
              </Form.Item>
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card size="small" title={t('onboarding.userCard')}>
              <Form.Item
                name={['user', 'username']}
                label={t('onboarding.fields.username')}
                extra={t('onboarding.hints.username')}
                rules={[
                  required(t('onboarding.fields.username')),
                  { pattern: ONBOARDING_PATTERNS.username, message: t('onboarding.invalid.username') },
                ]}
              >
                <Input maxLength={64} autoComplete="off" data-testid="onboarding-username" />
              </Form.Item>
              <Form.Item
                name={['user', 'email']}
                label={t('onboarding.fields.email')}
                rules={[
                  required(t('onboarding.fields.email')),
                  { pattern: ONBOARDING_PATTERNS.email, message: t('onboarding.invalid.email') },
                  { max: 255 },
                ]}
              >
                <Input type="email" maxLength={255} autoComplete="off" data-testid="onboarding-email" />
              </Form.Item>
              <Row gutter={12}>
                <Col span={12}>
                  <Form.Item name={['user', 'lastName']} label={t('onboarding.fields.lastName')} rules={[required(t('onboarding.fields.lastName')), { max: 100 }]}>
                    <Input maxLength={100} data-testid="onboarding-last-name" />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item name={['user', 'firstName']} label={t('onboarding.fields.firstName')} rules={[required(t('onboarding.fields.firstName')), { max: 100 }]}>
                    <Input maxLength={100} data-testid="onboarding-first-name" />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item
                name={['user', 'initialPassword']}
                label={t('onboarding.fields.initialPassword')}
                extra={t('onboarding.hints.password')}
                rules={[
                  {
                    validator: async (_, value?: string) => {
                      if (value && (value.length < PASSWORD_LENGTH.min || value.length > PASSWORD_LENGTH.max)) {
                        throw new Error(t('onboarding.invalid.password'));
                      }
                    },
                  },
                ]}
              >
                <Input.Password autoComplete="new-password" data-testid="onboarding-password" />
              </Form.Item>
              <Form.Item name={['user', 'temporaryPassword']} valuePropName="checked">
                <Checkbox data-testid="onboarding-temporary">{t('onboarding.fields.temporaryPassword')}</Checkbox>
              </Form.Item>
            </Card>
          </Col>
        </Row>
        <Space style={{ marginTop: 16 }}>
          <Button type="primary" htmlType="submit" loading={onboard.isPending} data-testid="onboarding-submit">
            {t('onboarding.submit')}
          </Button>
          <Typography.Text type="secondary">{t('onboarding.bothOrNeither')}</Typography.Text>
        </Space>
      </Form>
    </Space>
  );
}

function OnboardingAlert({ failure }: { failure: { view: OnboardingErrorView; error: unknown } }) {
  const { t } = useTranslation();
  const { kind, detail, unplaced } = failure.view.alert;
  const generic = errorText(failure.error, t);
  const title =
    kind === 'conflict'
      ? t('onboarding.errors.conflict')
      : kind === 'unavailable'
        ? t('onboarding.errors.unavailable')
        : kind === 'invalid'
          ? t('onboarding.errors.invalid')
          : kind === 'forbidden'
            ? t('onboarding.errors.forbidden')
            : generic.title;
  const description = (
    <>
      {detail ?? (kind === 'other' ? generic.detail : undefined)}
      {kind === 'unavailable' ? <div>{t('onboarding.errors.unavailableHint')}</div> : null}
      {kind === 'conflict' ? <div>{t('onboarding.errors.conflictHint')}</div> : null}
      {unplaced.length > 0 ? (
        <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
          {unplaced.map((fieldError, index) => (
            <li key={index}>{fieldError.message}</li>
          ))}
        </ul>
      ) : null}
    </>
  );
  return (
    <Alert
      type={kind === 'unavailable' ? 'warning' : 'error'}
      showIcon
      title={title}
      description={description}
      data-testid={`onboarding-error-${kind}`}
    />
  );
}
