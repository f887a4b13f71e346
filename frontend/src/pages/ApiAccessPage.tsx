import { Alert, Card, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { appConfig } from '../config';
import { PageHeader } from '../components/PageHeader';

const SERVICES = ['budget', 'evaluation', 'report'] as const;

/** Machine access for the finance bureau: the token, the resources, and each service's OpenAPI / Swagger UI. */
export default function ApiAccessPage() {
  const { t } = useTranslation();
  const origin = window.location.origin;
  const tokenUrl = `${appConfig.keycloak.url}/realms/${appConfig.keycloak.realm}/protocol/openid-connect/token`;
  const curl = [
    `TOKEN=$(curl -s -d grant_type=client_credentials -d client_id=finance-api \\`,
    `  -d client_secret="$JIXIAO_FINANCE_API_SECRET" \\`,
    `  ${tokenUrl} | jq -r .access_token)`,
    `curl -s -H "Authorization: Bearer $TOKEN" ${origin}${appConfig.apiBase}/budgets?fiscalYear=2020`,
  ].join('\n');
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <PageHeader title={t('apiPage.title')} intro={t('apiPage.intro')} showDepartment={false} showYear={false} />
      <Card size="small" title={t('apiPage.tokenTitle')}>
        <Typography.Paragraph>{t('apiPage.tokenText')}</Typography.Paragraph>
        <Typography.Paragraph>
          <pre style={{ whiteSpace: 'pre-wrap', margin: 0 }} data-testid="api-curl">
            {curl}
          </pre>
        </Typography.Paragraph>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('apiPage.rules')}
        </Typography.Paragraph>
      </Card>
      <Card size="small" title={t('apiPage.servicesTitle')}>
        <Table
          size="small"
          rowKey="service"
          pagination={false}
          data-testid="api-services"
          dataSource={SERVICES.map((service) => ({ service }))}
          columns={[
            { title: t('apiPage.service'), key: 'service', width: 200, render: (_v, row) => t(`apiPage.services.${row.service}.name`) },
            { title: t('apiPage.resources'), key: 'resources', render: (_v, row) => t(`apiPage.services.${row.service}.resources`) },
            {
              title: t('apiPage.docs'),
              key: 'docs',
              width: 260,
              render: (_v, row) => (
                <Space orientation="vertical" size={0}>
                  <a href={`/openapi/${row.service}?format=json`} target="_blank" rel="noreferrer" data-testid={`openapi-${row.service}`}>
                    {t('apiPage.openapiJson')}
                  </a>
                  <a href={`/openapi/${row.service}`} target="_blank" rel="noreferrer">
                    {t('apiPage.openapiYaml')}
                  </a>
                  <a href={`${appConfig.serviceDocs[row.service]}/q/swagger-ui`} target="_blank" rel="noreferrer" data-testid={`swagger-${row.service}`}>
                    {t('apiPage.swagger')}
                  </a>
                </Space>
              ),
            },
          ]}
        />
        <Alert style={{ marginTop: 12 }} type="info" showIcon title={t('apiPage.swaggerNote')} />
      </Card>
    </Space>
  );
}
