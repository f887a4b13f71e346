package io.jixiao.budget.service;

import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jboss.logging.Logger;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import io.jixiao.budget.domain.Department;
import io.jixiao.platform.audit.AuditTrail;
import io.jixiao.platform.problem.FieldError;
import io.jixiao.platform.problem.ProblemException;
import io.jixiao.platform.problem.Throwables;
import io.jixiao.platform.security.Caller;
import io.jixiao.platform.security.Roles;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import io.jixiao.budget.config.OnboardingConfig;
import io.jixiao.budget.rest.OnboardingInput;

/**
 * Onboarding of a department by an admin: the 预算单位 row here and its first user in Keycloak
 * (realm role department, attribute department_id = the new id, which the realm maps into the
 * token's department_id claim). Both or neither: the user is created inside the department's
 * transaction, so a refusal by Keycloak (username taken) rolls the department back; if anything
 * fails after the user exists, the user is deleted again.
 */
@ApplicationScoped
public class OnboardingService {

    private static final Logger LOG = Logger.getLogger(OnboardingService.class);
    private static final Pattern CODE = Pattern.compile("^[0-9A-Za-z-]{1,32}$");
    private static final Pattern USERNAME = Pattern.compile("^[a-z0-9._-]{3,64}$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final String PASSWORD_ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final Instance<Keycloak> keycloak;
    private final OnboardingConfig config;
    private final AuditTrail audit;
    private final SecureRandom random = new SecureRandom();

    public OnboardingService(Instance<Keycloak> keycloak, OnboardingConfig config, AuditTrail audit) {
        this.keycloak = keycloak;
        this.config = config;
        this.audit = audit;
    }

    public record Result(Department department, String userId, String username, boolean temporaryPassword,
            String generatedPassword) {
    }

    public Result onboard(Caller caller, OnboardingInput in) {
        if (!caller.hasRole(Roles.ADMIN)) {
            throw ProblemException.forbidden("onboarding.admin-only");
        }
        validate(in);
        String code = in.code().trim();
        String username = in.user().username().trim();
        QuarkusTransaction.requiringNew().run(() -> {
            if (Department.count("code", code) > 0) {
                throw new ProblemException(409, "department.code.duplicate", List.of(new FieldError("code",
                        "department.code.duplicate.short")), code);
            }
        });
        if (config.clientSecret().filter(p -> !p.isBlank()).isEmpty() || !keycloak.isResolvable()) {
            throw new ProblemException(503, "onboarding.unavailable");
        }
        RealmResource realm = keycloak.get().realm(config.realm());
        if (!keycloakCall(() -> realm.users().searchByUsername(username, true)).isEmpty()) {
            throw userExists(username);
        }
        String id = UUID.randomUUID().toString(); // lower-case, as the realm's user profile requires
        boolean generated = in.user().initialPassword() == null || in.user().initialPassword().isEmpty();
        String password = generated ? generatePassword() : in.user().initialPassword();
        boolean temporary = in.user().temporaryPassword() == null || in.user().temporaryPassword();
        String[] userId = new String[1];
        try {
            Department d = QuarkusTransaction.requiringNew().call(() -> {
                Department dept = new Department();
                dept.id = id;
                dept.code = code;
                dept.name = in.name().trim();
                dept.jurisdiction = in.jurisdiction().trim();
                dept.firstFiscalYear = in.firstFiscalYear();
                dept.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
                dept.duties = trimmed(in.duties());
                dept.divisions = trimmed(in.divisions());
                dept.persistAndFlush(); // a concurrent onboarding with the same code fails here, before Keycloak
                audit.record("department", id, dept.version, caller.name(), List.of(
                        new AuditTrail.Change("code", null, dept.code),
                        new AuditTrail.Change("name", null, dept.name),
                        new AuditTrail.Change("jurisdiction", null, dept.jurisdiction),
                        new AuditTrail.Change("firstFiscalYear", null, dept.firstFiscalYear),
                        new AuditTrail.Change("firstUser", null, username)));
                userId[0] = createUser(realm, in.user(), username, id, password, temporary);
                RoleRepresentation role = keycloakCall(() -> realm.roles().get(config.role()).toRepresentation());
                keycloakCall(() -> {
                    realm.users().get(userId[0]).roles().realmLevel().add(List.of(role));
                    return null;
                });
                return dept;
            });
            LOG.infof("onboarding: department %s (%s) with user %s by %s", d.code, d.id, username, caller.name());
            return new Result(d, userId[0], username, temporary, generated ? password : null);
        } catch (RuntimeException e) {
            if (userId[0] != null) {
                removeUser(realm, userId[0]);
            }
            if (e instanceof ProblemException) {
                throw e;
            }
            if (isUniqueViolation(e)) {
                throw new ProblemException(409, "department.code.duplicate", List.of(new FieldError("code",
                        "department.code.duplicate.short")), code);
            }
            throw e;
        }
    }

    private String createUser(RealmResource realm, OnboardingInput.FirstUser in, String username, String departmentId,
            String password, boolean temporary) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setEmail(in.email().trim());
        user.setFirstName(in.firstName().trim());
        user.setLastName(in.lastName().trim());
        user.setEnabled(true);
        user.setEmailVerified(true);
        user.setAttributes(Map.of("department_id", List.of(departmentId)));
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType(CredentialRepresentation.PASSWORD);
        credential.setValue(password);
        credential.setTemporary(temporary);
        user.setCredentials(List.of(credential));
        return keycloakCall(() -> {
            try (Response r = realm.users().create(user)) {
                if (r.getStatus() == 409) {
                    throw userExists(username); // taken between the search and now
                }
                if (r.getStatus() == 400) {
                    LOG.warnf("onboarding: Keycloak refused user %s: %s", username, r.readEntity(String.class));
                    throw new ProblemException(400, "onboarding.user-refused", List.of(new FieldError("user",
                            "onboarding.user-refused.short")));
                }
                return CreatedResponseUtil.getCreatedId(r);
            }
        });
    }

    private void removeUser(RealmResource realm, String userId) {
        try (Response r = realm.users().delete(userId)) {
            LOG.infof("onboarding: user %s removed again (status %d): the department was not created", userId,
                    r.getStatus());
        } catch (RuntimeException e) {
            LOG.errorf(e, "onboarding: user %s could not be removed; remove it in the Keycloak console", userId);
        }
    }

    /** Keycloak unreachable or refusing our admin login: 503 with the cause in the log, not a 500. */
    private static <T> T keycloakCall(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (ProblemException e) {
            throw e;
        } catch (ProcessingException | WebApplicationException e) {
            LOG.errorf(e, "onboarding: Keycloak call failed");
            throw new ProblemException(503, "onboarding.unavailable");
        }
    }

    private static ProblemException userExists(String username) {
        return new ProblemException(409, "onboarding.user-exists", List.of(new FieldError("user.username",
                "onboarding.user-exists.short")), username);
    }

    /** Every wrong field at once, with its path; nothing is created. */
    static void validate(OnboardingInput in) {
        List<FieldError> errors = new ArrayList<>();
        if (in == null) {
            throw new ProblemException(400, "request.invalid", List.of(new FieldError("body", "onboarding.body")));
        }
        if (blank(in.code()) || !CODE.matcher(in.code().trim()).matches()) {
            errors.add(new FieldError("code", "onboarding.code"));
        }
        if (blank(in.name()) || in.name().trim().length() > 200) {
            errors.add(new FieldError("name", "onboarding.name"));
        }
        if (blank(in.jurisdiction()) || in.jurisdiction().trim().length() > 100) {
            errors.add(new FieldError("jurisdiction", "onboarding.jurisdiction"));
        }
        if (in.firstFiscalYear() == null || in.firstFiscalYear() < 2000 || in.firstFiscalYear() > 2100) {
            errors.add(new FieldError("firstFiscalYear", "onboarding.first-year"));
        }
        listItems("duties", in.duties(), 1000, errors);
        listItems("divisions", in.divisions(), 200, errors);
        OnboardingInput.FirstUser u = in.user();
        if (u == null) {
            errors.add(new FieldError("user", "onboarding.user"));
        } else {
            if (blank(u.username()) || !USERNAME.matcher(u.username().trim()).matches()) {
                errors.add(new FieldError("user.username", "onboarding.username"));
            }
            if (blank(u.email()) || u.email().trim().length() > 255 || !EMAIL.matcher(u.email().trim()).matches()) {
                errors.add(new FieldError("user.email", "onboarding.email"));
            }
            if (blank(u.firstName()) || u.firstName().trim().length() > 100) {
                errors.add(new FieldError("user.firstName", "onboarding.first-name"));
            }
            if (blank(u.lastName()) || u.lastName().trim().length() > 100) {
                errors.add(new FieldError("user.lastName", "onboarding.last-name"));
            }
            if (u.initialPassword() != null && !u.initialPassword().isEmpty()
                    && (u.initialPassword().length() < 12 || u.initialPassword().length() > 128)) {
                errors.add(new FieldError("user.initialPassword", "onboarding.password"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "request.invalid", errors);
        }
    }

    private static void listItems(String field, List<String> items, int max, List<FieldError> errors) {
        if (items == null) {
            return;
        }
        if (items.size() > 50) {
            errors.add(new FieldError(field, "onboarding.list-too-long"));
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            String v = items.get(i);
            if (blank(v) || v.trim().length() > max) {
                errors.add(new FieldError(field + "[" + i + "]", "onboarding.list-item"));
            }
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static List<String> trimmed(List<String> items) {
        return items == null ? new ArrayList<>() : new ArrayList<>(items.stream().map(String::trim).toList());
    }

    private static boolean isUniqueViolation(Throwable e) {
        return Throwables.find(e, org.hibernate.exception.ConstraintViolationException.class).isPresent();
    }

    private String generatePassword() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            if (i > 0 && i % 4 == 0) {
                out.append('-');
            }
            out.append(PASSWORD_ALPHABET.charAt(random.nextInt(PASSWORD_ALPHABET.length())));
        }
        return out.toString();
    }
}
