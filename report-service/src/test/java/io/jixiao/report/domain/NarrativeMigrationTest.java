package io.jixiao.report.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;


import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import io.jixiao.testing.TestDatabases;
import io.quarkus.test.junit.QuarkusTest;
import io.jixiao.testing.Tier2;

/**
 * V5 on rows written before it: a database of its own is migrated to V4, gets plain-text narratives,
 * then is migrated on; the problems and measures come out as items, word for word.
 */
@Tier2
@QuarkusTest
class NarrativeMigrationTest {

    Flyway flyway(String jdbcUrl, String target) {
        return io.jixiao.platform.migration.PlatformMigrations.withPlatform(Flyway.configure()
                .dataSource(jdbcUrl, TestDatabases.user(), TestDatabases.password()).locations("classpath:db/migration").target(target)).load();
    }

    @Test
    void plainTextBecomesItemsAndMeasuresLinkWhereTheTextSays() throws Exception {
        String db = TestDatabases.scratch("narrative_v5");
        flyway(db, "4").migrate();

        Map<String, String[]> before = new LinkedHashMap<>();
        // numbered lines in one paragraph; measures name their problems in their own words
        before.put("d-numbered", new String[] {
                "1、项目预算编制不够细化，\n年中追加较多。\n2、部分资金支付进度偏慢。",
                "（一）针对问题2，按月调度支付进度。\n（二）细化项目预算编制。" });
        // paragraphs; a single problem answers every measure
        before.put("d-paragraphs", new String[] { "超编 2 人。", "按编制核定人员。\n\n逐步消化超编。" });
        // nothing written; a line starting with a decimal amount is not an item number
        before.put("d-empty", new String[] { "", "" });
        before.put("d-decimal", new String[] { "结转结余偏高，\n2.5 万元未能及时使用。\n\n采购执行率偏低。", "加快支出。" });
        try (Connection c = TestDatabases.connect(db); PreparedStatement st = c.prepareStatement(
                "insert into narrative (department_id, fiscal_year, problems, measures, version, updated_at, updated_by)"
                        + " values (?, 2020, ?, ?, 3, now(), 'zfw')")) {
            for (Map.Entry<String, String[]> e : before.entrySet()) {
                st.setString(1, e.getKey());
                st.setString(2, e.getValue()[0]);
                st.setString(3, e.getValue()[1]);
                st.executeUpdate();
            }
        }

        flyway(db, "latest").migrate();

        Map<String, String> after = new LinkedHashMap<>();
        try (Connection c = TestDatabases.connect(db); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select department_id, problem_items::text, measure_items::text, version"
                        + " from narrative order by id")) {
            while (rs.next()) {
                after.put(rs.getString(1), rs.getString(2) + " " + rs.getString(3) + " v" + rs.getLong(4));
            }
        }
        assertEquals("[{\"text\": \"项目预算编制不够细化，年中追加较多。\", \"cause\": null}, {\"text\": \"部分资金支付进度偏慢。\", \"cause\": null}]"
                + " [{\"text\": \"针对问题2，按月调度支付进度。\", \"problemRef\": 2}, {\"text\": \"细化项目预算编制。\", \"problemRef\": null}] v3",
                after.get("d-numbered"));
        assertEquals("[{\"text\": \"超编 2 人。\", \"cause\": null}]"
                + " [{\"text\": \"按编制核定人员。\", \"problemRef\": 1}, {\"text\": \"逐步消化超编。\", \"problemRef\": 1}] v3",
                after.get("d-paragraphs"));
        assertEquals("[] [] v3", after.get("d-empty"));
        assertEquals("[{\"text\": \"结转结余偏高，2.5 万元未能及时使用。\", \"cause\": null}, {\"text\": \"采购执行率偏低。\", \"cause\": null}]"
                + " [{\"text\": \"加快支出。\", \"problemRef\": null}] v3", after.get("d-decimal"));

        TestDatabases.drop("narrative_v5");
    }
}
