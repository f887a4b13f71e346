package io.jixiao.budget.config;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.jboss.logging.Logger;

import io.jixiao.budget.domain.Department;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

/**
 * Demo departments for the local run (JIXIAO_DEMO=true) and the tests; ids match the demo users'
 * department_id in deploy/keycloak/realm-jixiao.json. Inserted only if missing, so restarts keep edits.
 */
@ApplicationScoped
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class);

    @ConfigMapping(prefix = "jixiao.demo")
    public interface DemoConfig {
        @WithDefault("false")
        boolean enabled();
    }

    private final DemoConfig config;

    public DemoData(DemoConfig config) {
        this.config = config;
    }

    @Transactional
    void onStart(@Observes StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        int added = 0;
        added += ensure("d0000000-0000-4000-8000-000000000001", "401001", "中共长沙市望城区委政法委员会");
        added += ensure("d0000000-0000-4000-8000-000000000002", "402001", "长沙市望城区教育局");
        LOG.infof("demo data: %d department(s) added", added);
    }

    private int ensure(String id, String code, String name) {
        if (Department.findById(id) != null) {
            return 0;
        }
        Department d = new Department();
        d.id = id;
        d.code = code;
        d.name = name;
        d.jurisdiction = "望城区";
        d.firstFiscalYear = 2018;
        d.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        d.persist();
        return 1;
    }
}
