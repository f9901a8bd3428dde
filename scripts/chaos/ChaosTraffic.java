import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Traffic for the chaos run (scripts/chaos-run.sh): simulated staff members and customer users using two instances
 * of PartnerDesk through their pages only, the way a browser does (forms, CSRF tokens and cookies read from the
 * HTML and headers the application serves). Single-file program, Java 17, JDK only:
 * {@code java scripts/chaos/ChaosTraffic.java key=value ...}.
 * <p>
 * Half-way through, it starts a large import on the instance to be killed and asks the script (file {@code kill-now}
 * in the work directory) to kill that instance with SIGKILL while the import is being created. At the end it waits
 * for that import to become retryable and presses Create again.
 * <p>
 * Writes the operation counts and the findings of its own checks to {@code traffic-results.txt} in the work directory.
 */
public class ChaosTraffic {

    static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");
    static final Pattern UUID_RE = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    static final Pattern USER_CHECKBOX = Pattern.compile("name=\"userId\"[^>]*?value=\"(" + UUID_RE.pattern() + ")\"");
    static final Pattern LICENSE_RADIO = Pattern.compile("name=\"licenses\\[(" + UUID_RE.pattern() + ")\\]\"");
    static final Pattern IMPORT_LICENSE = Pattern.compile("name=\"license\"[^>]*?value=\"(" + UUID_RE.pattern() + ")\"");
    static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*?action=\"([^\"]+)\"[^>]*>");
    static final Pattern HIDDEN_SELECTION = Pattern.compile("name=\"selection\"\\s+value=\"(" + UUID_RE.pattern() + ")\"");
    static final Pattern STATUS_JSON = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z_]+)\"");

    // ---- configuration ---------------------------------------------------------------------------------------
    static List<String> bases;
    static int victim;                       // index in bases of the instance that is killed
    static long durationMillis;
    static int clients;
    static int portalClients;
    static String adminPassword;
    static String run;                       // run id: keeps this run's usernames apart from any earlier run's
    static Path work;
    static List<Customer> trafficCustomers = new ArrayList<>();
    static List<Customer> portalCustomers = new ArrayList<>();
    static Customer bigImportCustomer;
    static int bigImportRows;
    static long importRetrySeconds;
    static long startMillis;
    static volatile long deadline;

    record Customer(UUID id, String name, String domain) {
    }

    // ---- results -----------------------------------------------------------------------------------------------
    static final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    static final List<String> violations = Collections.synchronizedList(new ArrayList<>());
    static final List<String> faults = Collections.synchronizedList(new ArrayList<>());
    static final List<String> notes = Collections.synchronizedList(new ArrayList<>());
    static final AtomicLong serverErrors = new AtomicLong();
    static final AtomicLong crossCustomer = new AtomicLong();
    static final AtomicLong wrongPasswordAccepted = new AtomicLong();
    static final AtomicInteger usernameSequence = new AtomicInteger();
    static final Map<String, Long> downUntil = new ConcurrentHashMap<>();
    static final List<String> poolUsernames = Collections.synchronizedList(new ArrayList<>());
    /** Small imports uploaded by the traffic and not seen created (a kill may have cut them). */
    static final Set<String> unfinishedImports = ConcurrentHashMap.newKeySet();

    static void count(String op, String outcome) {
        counts.computeIfAbsent(op + "|" + outcome, k -> new LongAdder()).increment();
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new LinkedHashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            a.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        bases = List.of(a.get("base1"), a.get("base2"));
        victim = 1;
        durationMillis = Long.parseLong(a.getOrDefault("duration", "120")) * 1000;
        clients = Integer.parseInt(a.getOrDefault("clients", "50"));
        portalClients = Math.max(2, clients / 8);
        adminPassword = a.get("adminPassword");
        run = a.getOrDefault("run", Long.toString(System.currentTimeMillis() % 1_000_000, 36));
        work = Path.of(a.get("work"));
        bigImportRows = Integer.parseInt(a.getOrDefault("bigImportRows", "3000"));
        importRetrySeconds = Long.parseLong(a.getOrDefault("importRetrySeconds", "120"));
        // customers: "id|name|domain;..." in the order traffic,traffic,portal,portal,big
        String[] cs = a.get("customers").split(";");
        List<Customer> all = new ArrayList<>();
        for (String c : cs) {
            String[] p = c.split("\\|");
            all.add(new Customer(UUID.fromString(p[0].trim()), p[1].trim(), p[2].trim()));
        }
        trafficCustomers.addAll(all.subList(0, 2));
        portalCustomers.addAll(all.subList(2, 4));
        bigImportCustomer = all.get(4);

        System.out.printf("traffic: %d clients (%d customer users) for %d s against %s, run %s%n", clients,
                portalClients, durationMillis / 1000, bases, run);
        List<PortalUser> portalUsers = setUp();

        startMillis = System.currentTimeMillis();
        deadline = startMillis + durationMillis;
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            int home = i % 2;
            Runnable client = i < portalClients ? new PortalClient(portalUsers.get(i), portalUsers, home)
                    : new StaffClient(home, i);
            Thread t = new Thread(client, "client-" + i);
            t.start();
            threads.add(t);
        }
        Thread killer = new Thread(ChaosTraffic::killInTheMiddle, "kill");
        killer.start();
        for (Thread t : threads) {
            t.join();
        }
        killer.join();
        retryInterruptedImport();
        report();
    }

    // ---- set-up: customer users whose passwords the run knows ----------------------------------------------------

    record PortalUser(Customer customer, String username, String password) {
    }

    /**
     * Creates the customer users who sign in (by import, reading their temporary passwords from the handoff download)
     * and a pool of users for the staff traffic in each traffic customer, then has each customer user choose a password.
     */
    static List<PortalUser> setUp() throws Exception {
        Browser admin = new Browser(0, false);
        admin.signInStaff("admin", adminPassword);
        for (Customer c : trafficCustomers) {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                names.add("chaos-" + run + "-pool-" + i + "@" + c.domain());
            }
            Map<String, String> created = importUsers(admin, c, names);
            if (created.size() != names.size()) {
                throw new IllegalStateException("set-up: pool import into " + c.name() + " created " + created.size());
            }
            poolUsernames.addAll(names);
        }
        List<PortalUser> portalUsers = new ArrayList<>();
        int perCustomer = (portalClients + 1) / 2;
        for (int k = 0; k < portalCustomers.size(); k++) {
            Customer c = portalCustomers.get(k);
            List<String> names = new ArrayList<>();
            for (int i = 0; i < perCustomer; i++) {
                names.add("chaos-" + run + "-me-" + i + "@" + c.domain());
            }
            Map<String, String> temporary = importUsers(admin, c, names);
            for (String name : names) {
                String password = "Chaos-" + UUID.randomUUID();
                Browser b = new Browser(0, false);
                String location = b.signInCustomerUser(name, temporary.get(name));
                if (!location.endsWith("/my/account")) {
                    throw new IllegalStateException("set-up: sign-in of " + name + " went to " + location);
                }
                Response account = b.get("/my/account");
                if (account.status == 302 && account.location().contains("/my/change-password")) {
                    Response form = b.get("/my/change-password");
                    Response saved = b.post("/my/change-password", form.csrf(), "newPassword", password,
                            "confirmation", password);
                    if (saved.status != 302) {
                        throw new IllegalStateException("set-up: password change of " + name + " answered " + saved.status);
                    }
                }
                portalUsers.add(new PortalUser(c, name, password));
            }
        }
        // Interleave customers so that the customer-user clients alternate between them.
        portalUsers.sort((x, y) -> Integer.compare(Integer.parseInt(x.username.replaceAll(".*-me-(\\d+)@.*", "$1")) * 2
                + portalCustomers.indexOf(x.customer), Integer.parseInt(y.username.replaceAll(".*-me-(\\d+)@.*", "$1")) * 2
                        + portalCustomers.indexOf(y.customer)));
        System.out.printf("set-up: %d pool users, %d customer users with known passwords%n", poolUsernames.size(),
                portalUsers.size());
        return portalUsers;
    }

    /** Upload, then Create; answers username → temporary password from the handoff download. */
    static Map<String, String> importUsers(Browser b, Customer c, List<String> usernames) throws IOException {
        Response page = b.get("/customers/" + c.id() + "/users/import");
        Response uploaded = b.upload("/customers/" + c.id() + "/users/import", page.csrf(), csv(usernames));
        if (uploaded.status != 302 || !uploaded.location().contains("/imports/")) {
            throw new IllegalStateException("import: upload answered " + uploaded.status + " " + uploaded.location());
        }
        String batchPath = path(uploaded.location());
        Response preview = b.get(batchPath);
        Response created = b.post(batchPath, preview.csrf(), "usageLocation", "US", "create", "true");
        String location = created.location();
        if (!location.contains("/handoffs/")) {
            throw new IllegalStateException("import into " + c.name() + " did not create: " + location);
        }
        Response csv = b.get(path(location) + "/download");
        Map<String, String> passwords = new LinkedHashMap<>();
        for (String line : csv.body.split("\r\n")) {
            List<String> cells = cells(line);
            if (cells.size() == 3 && cells.get(1).contains("@")) {
                passwords.put(cells.get(1), cells.get(2).startsWith("'") ? cells.get(2).substring(1) : cells.get(2));
            }
        }
        return passwords;
    }

    static String csv(List<String> usernames) {
        StringBuilder csv = new StringBuilder("First name,Last name,Display name,Email,Usage location\r\n");
        for (String u : usernames) {
            String local = u.substring(0, u.indexOf('@'));
            csv.append("Chaos,").append(local).append(",Chaos ").append(local).append(',').append(u).append(",US\r\n");
        }
        return csv.toString();
    }

    static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                }
                else if (ch == '"') {
                    quoted = false;
                }
                else {
                    cell.append(ch);
                }
            }
            else if (ch == '"') {
                quoted = true;
            }
            else if (ch == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            }
            else if (ch != '\uFEFF') {
                cell.append(ch);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    // ---- staff traffic -------------------------------------------------------------------------------------------

    static class StaffClient implements Runnable {

        final Browser b;

        final int number;

        StaffClient(int home, int number) {
            this.b = new Browser(home, true);
            this.number = number;
        }

        @Override
        public void run() {
            try {
                b.signInStaff("admin", adminPassword);
                count("staff sign-in", "ok");
            }
            catch (Exception e) {
                count("staff sign-in", signInOutcome(e));
            }
            while (System.currentTimeMillis() < deadline) {
                int roll = ThreadLocalRandom.current().nextInt(100);
                String op = roll < 22 ? "assign licenses" : roll < 40 ? "remove licenses" : roll < 52 ? "delete users"
                        : roll < 64 ? "restore users" : roll < 74 ? "reset password" : roll < 82 ? "import users"
                                : roll < 91 ? "wrong password /sign-in" : "wrong password /my/sign-in";
                String outcome;
                try {
                    outcome = switch (op) {
                        case "assign licenses" -> licenses("ASSIGN");
                        case "remove licenses" -> licenses("REMOVE");
                        case "delete users" -> delete();
                        case "restore users" -> restore();
                        case "reset password" -> reset();
                        case "import users" -> smallImport();
                        case "wrong password /sign-in" -> wrongPassword("/sign-in");
                        default -> wrongPassword("/my/sign-in");
                    };
                }
                catch (ServerError e) {
                    outcome = "5xx";
                    synchronized (notes) {
                        if (notes.size() < 40) {
                            notes.add(op + ": " + e.getMessage());
                        }
                    }
                }
                catch (SignedOut e) {
                    outcome = "session lost";
                    try {
                        b.signInStaff("admin", adminPassword);
                        count("staff sign-in again", "ok");
                    }
                    catch (Exception again) {
                        count("staff sign-in again", signInOutcome(again));
                    }
                }
                catch (IOException | RuntimeException e) {
                    outcome = e instanceof IOException ? "interrupted" : "unexpected: " + e.getMessage();
                }
                count(op, outcome);
                sleep(ThreadLocalRandom.current().nextInt(20, 200));
            }
        }

        Customer customer() {
            return trafficCustomers.get(ThreadLocalRandom.current().nextInt(trafficCustomers.size()));
        }

        /**
         * A few active users of the customer, from its users list (first page of up to 200). Half the picks come from
         * the first ten users listed, so that two admins often act on the same user at once.
         */
        List<String> someUsers(String listPath) throws IOException {
            Response list = b.get(listPath);
            List<String> ids = new ArrayList<>(all(USER_CHECKBOX, list.body));
            if (ThreadLocalRandom.current().nextBoolean()) {
                ids = new ArrayList<>(ids.subList(0, Math.min(10, ids.size())));
            }
            Collections.shuffle(ids);
            int n = ThreadLocalRandom.current().nextInt(100) < 60 ? 1 : ThreadLocalRandom.current().nextInt(2, 6);
            return ids.subList(0, Math.min(n, ids.size()));
        }

        /** The action's page for the users: the user's own page for one, a stored selection for several. */
        Response actionPage(Customer c, List<String> users, String action) throws IOException {
            if (users.size() == 1) {
                return b.get("/customers/" + c.id() + "/users/" + users.get(0) + "/" + action);
            }
            Response list = b.get("/customers/" + c.id() + "/users?size=200");
            List<String> form = new ArrayList<>(List.of("action", action));
            for (String u : users) {
                form.add("userId");
                form.add(u);
            }
            Response selected = b.post("/customers/" + c.id() + "/users/selection", list.csrf(),
                    form.toArray(String[]::new));
            if (selected.status != 302) {
                return selected;
            }
            return b.get(path(selected.location()));
        }

        String licenses(String decision) throws IOException {
            Customer c = customer();
            List<String> users = someUsers("/customers/" + c.id() + "/users?size=200");
            if (users.isEmpty()) {
                return "refused: no user";
            }
            Response editor = actionPage(c, users, "licenses");
            if (editor.status == 404) {
                return "refused: user gone";
            }
            if (editor.status != 200) {
                return "unexpected: " + editor.status;
            }
            List<String> subscriptions = new ArrayList<>(new LinkedHashSet<>(all(LICENSE_RADIO, editor.body)));
            if (subscriptions.isEmpty()) {
                return "refused: no subscription";
            }
            Collections.shuffle(subscriptions);
            List<String> form = new ArrayList<>();
            Matcher selection = HIDDEN_SELECTION.matcher(editor.body);
            if (selection.find()) {
                form.addAll(List.of("selection", selection.group(1)));
            }
            int chosen = ThreadLocalRandom.current().nextInt(1, Math.min(2, subscriptions.size()) + 1);
            for (int i = 0; i < subscriptions.size(); i++) {
                form.addAll(List.of("licenses[" + subscriptions.get(i) + "]", i < chosen ? decision : "KEEP"));
            }
            Response saved = b.post(formAction(editor.body, "/licenses"), editor.csrf(), form.toArray(String[]::new));
            if (saved.status == 302 && saved.location().contains("/license-changes/")) {
                return "ok";
            }
            if (saved.status == 200 && saved.body.contains("data-seats-exhausted")) {
                return "refused: no free seat";
            }
            if (saved.status == 200 && saved.body.contains("alert-danger")) {
                return "refused: " + firstAlert(saved.body);
            }
            if (deletedMeanwhile(saved)) {
                return "refused: deleted meanwhile";
            }
            return saved.status == 404 ? "refused: user gone" : "unexpected: " + saved.status;
        }

        String delete() throws IOException {
            Customer c = customer();
            List<String> users = someUsers("/customers/" + c.id() + "/users?size=200");
            if (users.isEmpty()) {
                return "refused: no user";
            }
            Response confirm = actionPage(c, users, "delete");
            if (confirm.status == 404) {
                return "refused: user gone";
            }
            if (confirm.status != 200) {
                return "unexpected: " + confirm.status;
            }
            List<String> form = new ArrayList<>();
            Matcher selection = HIDDEN_SELECTION.matcher(confirm.body);
            if (selection.find()) {
                form.addAll(List.of("selection", selection.group(1)));
            }
            if (confirm.body.contains("name=\"confirmLastGlobalAdmin\"") && ThreadLocalRandom.current().nextBoolean()) {
                form.addAll(List.of("confirmLastGlobalAdmin", "true"));
            }
            Response deleted = b.post(formAction(confirm.body, "/delete"), confirm.csrf(), form.toArray(String[]::new));
            if (deleted.status == 302) {
                return "ok";
            }
            if (deleted.status == 200 && deleted.body.contains("confirmLastGlobalAdmin-error")) {
                return "refused: last Global admin";
            }
            return deleted.status == 404 ? "refused: user gone" : "unexpected: " + deleted.status;
        }

        String restore() throws IOException {
            Customer c = customer();
            Response tab = b.get("/customers/" + c.id() + "/deleted-users?size=200");
            List<String> ids = new ArrayList<>(new LinkedHashSet<>(all(USER_CHECKBOX, tab.body)));
            if (ids.isEmpty()) {
                return "refused: none deleted";
            }
            Collections.shuffle(ids);
            List<String> form = new ArrayList<>();
            if (ThreadLocalRandom.current().nextBoolean()) {
                form.addAll(List.of("only", ids.get(0)));
            }
            else {
                for (String id : ids.subList(0, Math.min(ids.size(), ThreadLocalRandom.current().nextInt(1, 4)))) {
                    form.addAll(List.of("userId", id));
                }
            }
            Response restored = b.post("/customers/" + c.id() + "/deleted-users/restore", tab.csrf(),
                    form.toArray(String[]::new));
            if (restored.status == 302 && restored.location().contains("/deleted-users/restored")) {
                Response result = b.get(path(restored.location()));
                if (result.status == 200 && result.body.contains("restore-result")) {
                    return result.body.contains("/restore-as") ? "ok, some not restored (username taken)" : "ok";
                }
                return "ok (result page already shown)";
            }
            return restored.status == 404 ? "refused: user gone" : "unexpected: " + restored.status;
        }

        String reset() throws IOException {
            Customer c = customer();
            List<String> users = someUsers("/customers/" + c.id() + "/users?size=200");
            if (users.isEmpty()) {
                return "refused: no user";
            }
            Response confirm = actionPage(c, users, "reset-password");
            if (confirm.status == 404) {
                return "refused: user gone";
            }
            if (confirm.status != 200) {
                return "unexpected: " + confirm.status;
            }
            if (FORM_ACTION.matcher(confirm.body).results().noneMatch(m -> m.group(1).endsWith("/reset-password"))) {
                return "refused: not allowed";
            }
            List<String> form = new ArrayList<>();
            Matcher selection = HIDDEN_SELECTION.matcher(confirm.body);
            if (selection.find()) {
                form.addAll(List.of("selection", selection.group(1)));
            }
            Response reset = b.post(formAction(confirm.body, "/reset-password"), confirm.csrf(),
                    form.toArray(String[]::new));
            if (reset.status == 302 && reset.location().contains("/handoffs/")) {
                Response handoff = b.get(path(reset.location()));
                if (handoff.status != 200) {
                    return "unexpected: handoff page " + handoff.status;
                }
                if (ThreadLocalRandom.current().nextInt(3) == 0) {
                    Response download = b.get(path(reset.location()) + "/download");
                    return download.status == 200 && download.body.contains("@") ? "ok" : "unexpected: download "
                            + download.status;
                }
                return "ok";
            }
            if (deletedMeanwhile(reset)) {
                return "refused: deleted meanwhile";
            }
            return reset.status == 404 ? "refused: user gone" : "unexpected: " + reset.status;
        }

        /**
         * Every staff client signs in as the one admin account, many at the same moment: the throttle judges at most
         * its per-account limit of them at once and answers the others as locked, and they sign in again later.
         */
        static String signInOutcome(Exception refused) {
            return refused.getMessage() != null && refused.getMessage().contains("locked") ? "refused: locked"
                    : "interrupted";
        }

        /** Acting on a user another admin deleted since the page was shown leads back to the users list. */
        static boolean deletedMeanwhile(Response response) {
            return response.status == 302 && response.location().endsWith("/users");
        }

        String smallImport() throws IOException {
            Customer c = customer();
            List<String> names = new ArrayList<>();
            int rows = ThreadLocalRandom.current().nextInt(2, 7);
            for (int i = 0; i < rows; i++) {
                names.add("chaos-" + run + "-imp-" + usernameSequence.incrementAndGet() + "@" + c.domain());
            }
            if (ThreadLocalRandom.current().nextInt(4) == 0 && !poolUsernames.isEmpty()) {
                // A username that may be taken (or deleted): the preview rejects that row, the rest goes ahead.
                names.add(poolUsernames.get(ThreadLocalRandom.current().nextInt(poolUsernames.size())));
            }
            Response page = b.get("/customers/" + c.id() + "/users/import");
            Response uploaded = b.upload("/customers/" + c.id() + "/users/import", page.csrf(), csv(names));
            if (uploaded.status != 302) {
                return "unexpected: upload " + uploaded.status;
            }
            if (!uploaded.location().contains("/imports/")) {
                return "refused: another import running";
            }
            String batchPath = path(uploaded.location());
            unfinishedImports.add(batchPath);
            Response preview = b.get(batchPath);
            if (!preview.body.contains("data-create-users")) {
                return "refused: preview without Create";
            }
            List<String> form = new ArrayList<>(List.of("usageLocation", "US", "create", "true"));
            List<String> licenses = all(IMPORT_LICENSE, preview.body);
            if (!licenses.isEmpty() && ThreadLocalRandom.current().nextBoolean()) {
                form.addAll(List.of("license", licenses.get(ThreadLocalRandom.current().nextInt(licenses.size()))));
            }
            Response created = b.post(batchPath, preview.csrf(), form.toArray(String[]::new));
            if (created.status == 302 && created.location().contains("/handoffs/")) {
                unfinishedImports.remove(batchPath);
                return "ok";
            }
            if (created.status == 302) {
                return "refused: " + firstAlert(b.get(path(created.location())).body);
            }
            return "unexpected: " + created.status;
        }

        String wrongPassword(String signIn) throws IOException {
            Browser stranger = new Browser(b.home, false);
            String username;
            if (signIn.equals("/sign-in")) {
                String[] names = { "helpdesk", "sales", "nobody-" + run };
                username = names[ThreadLocalRandom.current().nextInt(names.length)];
            }
            else {
                username = ThreadLocalRandom.current().nextBoolean() && !poolUsernames.isEmpty()
                        ? poolUsernames.get(ThreadLocalRandom.current().nextInt(poolUsernames.size()))
                        : "nobody-" + run + "@" + customer().domain();
            }
            Response page = stranger.get(signIn);
            Response answer = stranger.post(signIn, page.csrf(), "username", username, "password",
                    "wrong-" + UUID.randomUUID());
            String to = answer.location();
            if (answer.status == 302 && to.contains("locked=")) {
                return "refused: locked";
            }
            if (answer.status == 302 && to.contains("error")) {
                return "refused: wrong password";
            }
            wrongPasswordAccepted.incrementAndGet();
            violations.add("a wrong password at " + signIn + " for " + username + " answered " + answer.status + " " + to);
            return "ACCEPTED";
        }
    }

    // ---- customer users ------------------------------------------------------------------------------------------

    static class PortalClient implements Runnable {

        final PortalUser me;

        final List<PortalUser> others;

        final Browser b;

        PortalClient(PortalUser me, List<PortalUser> all, int home) {
            this.me = me;
            this.others = all.stream().filter(u -> u != me).toList();
            this.b = new Browser(home, true);
        }

        @Override
        public void run() {
            signIn("customer user sign-in");
            while (System.currentTimeMillis() < deadline) {
                int roll = ThreadLocalRandom.current().nextInt(100);
                String op = roll < 70 ? "customer user: my account" : roll < 85 ? "customer user: staff page probe"
                        : "customer user: sign out and in";
                String outcome;
                try {
                    outcome = switch (op) {
                        case "customer user: my account" -> account();
                        case "customer user: staff page probe" -> probe();
                        default -> signOutAndIn();
                    };
                }
                catch (ServerError e) {
                    outcome = "5xx";
                }
                catch (SignedOut e) {
                    outcome = "session lost";
                    signIn("customer user sign-in again");
                }
                catch (IOException e) {
                    outcome = "interrupted";
                }
                count(op, outcome);
                sleep(ThreadLocalRandom.current().nextInt(50, 300));
            }
        }

        void signIn(String op) {
            try {
                String to = b.signInCustomerUser(me.username, me.password);
                count(op, to.endsWith("/my/account") ? "ok" : "refused: " + to.replaceAll(".*\\?", ""));
            }
            catch (Exception e) {
                count(op, "interrupted");
            }
        }

        String account() throws IOException {
            Response page = b.get("/my/account");
            if (page.status != 200) {
                return "unexpected: " + page.status;
            }
            if (!page.body.contains(">" + me.username + "<")) {
                crossCustomer.incrementAndGet();
                violations.add("/my/account of " + me.username + " does not show its username");
                return "WRONG ACCOUNT";
            }
            for (PortalUser other : others) {
                if (page.body.contains(other.username)) {
                    crossCustomer.incrementAndGet();
                    violations.add("/my/account of " + me.username + " shows " + other.username);
                    return "WRONG ACCOUNT";
                }
            }
            return "ok";
        }

        /** A customer user's session must not open a staff page, of its own customer or another's. */
        String probe() throws IOException {
            Customer target = ThreadLocalRandom.current().nextBoolean() ? me.customer
                    : portalCustomers.get(1 - portalCustomers.indexOf(me.customer));
            // Sent as is: the sign-in page this should lead to is the expected answer, not a lost session.
            Response page = b.send("GET", "/customers/" + target.id() + "/users", null, null, null);
            if (page.status >= 500) {
                throw new ServerError(page.status + " on a staff page probe");
            }
            if (page.status == 200 && (page.body.contains("name=\"userId\"") || page.body.contains(target.domain()))) {
                crossCustomer.incrementAndGet();
                violations.add("customer user " + me.username + " opened the users list of " + target.name());
                return "REACHED";
            }
            return "refused: " + page.status;
        }

        String signOutAndIn() throws IOException {
            Response account = b.get("/my/account");
            if (account.status == 200) {
                Response out = b.post("/my/sign-out", account.csrf());
                if (out.status != 302) {
                    return "unexpected: sign-out " + out.status;
                }
            }
            String to = b.signInCustomerUser(me.username, me.password);
            return to.endsWith("/my/account") ? "ok" : "refused: " + to.replaceAll(".*\\?", "");
        }
    }

    // ---- the fault: kill -9 during an import, and the retry afterwards -------------------------------------------

    static volatile String bigBatchPath;

    static void killInTheMiddle() {
        sleep(Math.max(0, startMillis + durationMillis / 2 - System.currentTimeMillis()));
        try {
            Browser b = new Browser(victim, false);
            b.signInStaff("admin", adminPassword);
            List<String> names = new ArrayList<>();
            for (int i = 0; i < bigImportRows; i++) {
                names.add("chaos-" + run + "-big-" + i + "@" + bigImportCustomer.domain());
            }
            Customer c = bigImportCustomer;
            Response page = b.get("/customers/" + c.id() + "/users/import");
            Response uploaded = b.upload("/customers/" + c.id() + "/users/import", page.csrf(), csv(names));
            String batchPath = path(uploaded.location());
            String status = b.progress(batchPath);
            for (int i = 0; i < 600 && "READING".equals(status); i++) {
                sleep(200);
                status = b.progress(batchPath);
            }
            Response preview = b.get(batchPath);
            b.post(batchPath, preview.csrf(), "usageLocation", "US", "create", "true");
            status = b.progress(batchPath);
            bigBatchPath = batchPath;
            faults.add("import of " + bigImportRows + " users into " + c.name() + " on instance " + (victim + 1)
                    + " was " + status + " when the kill was requested");
        }
        catch (Exception e) {
            faults.add("the import before the kill could not be started: " + e);
        }
        try {
            Files.writeString(work.resolve("kill-now"), bigBatchPath == null ? "" : bigBatchPath);
            for (int i = 0; i < 600 && !Files.exists(work.resolve("restarted")); i++) {
                sleep(500);
            }
            faults.add(Files.exists(work.resolve("restarted")) ? Files.readString(work.resolve("restarted")).strip()
                    : "instance " + (victim + 1) + " was not back within 5 minutes");
        }
        catch (IOException e) {
            faults.add("kill coordination failed: " + e);
        }
    }

    static String importRetry = "not attempted";

    static boolean running(String status) {
        return "CREATING".equals(status) || "READING".equals(status);
    }

    /**
     * Every import the kill interrupted must stop "running" within the lease (its page is asked meanwhile, as the
     * admin's browser would), and the large one must then be created by pressing Create again, without uploading
     * the file again.
     */
    static void retryInterruptedImport() {
        try {
            Browser b = new Browser(0, true);
            b.signInStaff("admin", adminPassword);
            Set<String> watched = new LinkedHashSet<>(unfinishedImports);
            if (bigBatchPath != null) {
                watched.add(bigBatchPath);
            }
            Map<String, String> statuses = new LinkedHashMap<>();
            long waitedFrom = System.currentTimeMillis();
            long until = waitedFrom + importRetrySeconds * 1000;
            while (true) {
                for (String batch : watched) {
                    statuses.put(batch, b.progress(batch));
                }
                if (statuses.values().stream().noneMatch(ChaosTraffic::running) || System.currentTimeMillis() > until) {
                    break;
                }
                sleep(2000);
            }
            long waited = (System.currentTimeMillis() - waitedFrom) / 1000;
            statuses.forEach((batch, status) -> {
                if (!batch.equals(bigBatchPath) && running(status)) {
                    violations.add("an import cut by the kill (" + batch + ") is still " + status + " "
                            + importRetrySeconds + " s after the traffic ended");
                }
            });
            if (bigBatchPath == null) {
                importRetry = "no import was interrupted";
                return;
            }
            String status = statuses.get(bigBatchPath);
            if ("CREATED".equals(status)) {
                importRetry = "CREATED (finished before the kill or recovered by itself)";
                return;
            }
            if (running(status)) {
                importRetry = "still " + status + " " + importRetrySeconds + " s after the traffic ended";
                violations.add("the import interrupted by the kill is " + importRetry);
                return;
            }
            Response page = b.get(bigBatchPath);
            Matcher disabled = Pattern.compile("<button[^>]*data-create-users[^>]*disabled").matcher(page.body);
            if (!page.body.contains("data-create-users") || disabled.find()) {
                importRetry = status + " after " + waited + " s, without a Create button (file must be uploaded again)";
                violations.add("the import interrupted by the kill is not retryable: " + importRetry);
                return;
            }
            b.post(bigBatchPath, page.csrf(), "usageLocation", "US", "create", "true");
            String after = b.progress(bigBatchPath);
            for (int i = 0; i < 240 && "CREATING".equals(after); i++) {
                sleep(500);
                after = b.progress(bigBatchPath);
            }
            importRetry = status + " after " + waited + " s; Create pressed again: " + after;
            if (!"CREATED".equals(after)) {
                violations.add("the retried import ended " + after);
            }
        }
        catch (Exception e) {
            importRetry = "retry failed: " + e;
            violations.add("the retry of the interrupted import failed: " + e);
        }
    }

    // ---- report --------------------------------------------------------------------------------------------------

    static void report() throws IOException {
        Map<String, Map<String, Long>> byOp = new TreeMap<>();
        long total = 0;
        long fiveHundreds = 0;
        for (Map.Entry<String, LongAdder> e : counts.entrySet()) {
            String[] k = e.getKey().split("\\|", 2);
            long n = e.getValue().sum();
            byOp.computeIfAbsent(k[0], x -> new TreeMap<>()).merge(k[1], n, Long::sum);
            total += n;
            if (k[1].equals("5xx")) {
                fiveHundreds += n;
            }
        }
        serverErrors.set(fiveHundreds);
        StringBuilder out = new StringBuilder();
        out.append("| operation | done | ok | refused with a message | connection lost (kill) | 5xx | other |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|\n");
        for (Map.Entry<String, Map<String, Long>> e : byOp.entrySet()) {
            long done = 0;
            long ok = 0;
            long refused = 0;
            long lost = 0;
            long five = 0;
            long other = 0;
            for (Map.Entry<String, Long> o : e.getValue().entrySet()) {
                done += o.getValue();
                if (o.getKey().startsWith("ok")) {
                    ok += o.getValue();
                }
                else if (o.getKey().startsWith("refused")) {
                    refused += o.getValue();
                }
                else if (o.getKey().equals("interrupted")) {
                    lost += o.getValue();
                }
                else if (o.getKey().equals("5xx")) {
                    five += o.getValue();
                }
                else {
                    other += o.getValue();
                }
            }
            out.append(String.format("| %s | %d | %d | %d | %d | %d | %d |%n", e.getKey(), done, ok, refused, lost,
                    five, other));
        }
        out.append(String.format("| **all** | %d | | | | %d | |%n", total, fiveHundreds));
        out.append("\nOutcomes in detail:\n");
        byOp.forEach((op, outcomes) -> out.append("  ").append(op).append(": ").append(outcomes).append('\n'));
        out.append("\nFaults injected:\n");
        faults.forEach(f -> out.append("  - ").append(f).append('\n'));
        out.append("  - interrupted import afterwards: ").append(importRetry).append('\n');
        if (!notes.isEmpty()) {
            out.append("\nFirst 5xx answers:\n");
            notes.forEach(n -> out.append("  - ").append(n).append('\n'));
        }
        out.append("\nTraffic checks:\n");
        out.append("  server errors (5xx): ").append(fiveHundreds).append('\n');
        out.append("  customer-user sessions reaching another account or a staff page: ").append(crossCustomer.get())
            .append('\n');
        out.append("  wrong passwords accepted: ").append(wrongPasswordAccepted.get()).append('\n');
        violations.forEach(v -> out.append("  VIOLATION: ").append(v).append('\n'));
        System.out.print(out);
        Files.writeString(work.resolve("traffic-report.md"), out.toString());
        Files.writeString(work.resolve("traffic-results.txt"), "operations=" + total + "\nserver_errors="
                + fiveHundreds + "\ncross_customer=" + crossCustomer.get() + "\nwrong_password_accepted="
                + wrongPasswordAccepted.get() + "\ntraffic_violations=" + violations.size() + "\n");
    }

    // ---- HTTP, the way a browser does it -------------------------------------------------------------------------

    static final HttpClient HTTP = HttpClient.newBuilder()
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(3))
        .version(HttpClient.Version.HTTP_1_1)
        .build();

    /** A page answered 5xx. */
    static class ServerError extends IOException {
        ServerError(String message) {
            super(message);
        }
    }

    /** The session is gone (sent to a sign-in page). */
    static class SignedOut extends RuntimeException {
        SignedOut() {
            super("signed out");
        }
    }

    record Response(int status, String body, Map<String, List<String>> headers) {

        String location() {
            List<String> l = headers.getOrDefault("location", List.of());
            return l.isEmpty() ? "" : l.get(0);
        }

        String csrf() {
            Matcher m = CSRF.matcher(body);
            return m.find() ? (m.group(1) != null ? m.group(1) : m.group(2)) : "";
        }
    }

    record Cookie(String name, String path, String value) {
    }

    static class Browser {

        final int home;

        /** Whether a redirect to a sign-in page means the session was lost (signed-in clients) */
        final boolean signedIn;

        final Map<String, Cookie> cookies = new ConcurrentHashMap<>();

        Browser(int home, boolean signedIn) {
            this.home = home;
            this.signedIn = signedIn;
        }

        String signInStaff(String username, String password) throws IOException {
            Response page = get("/sign-in");
            Response answer = send("POST", "/sign-in", form(page.csrf(), "username", username, "password", password),
                    "application/x-www-form-urlencoded", null);
            if (answer.status != 302 || answer.location().contains("/sign-in")) {
                throw new IllegalStateException("staff sign-in refused: " + answer.status + " " + answer.location());
            }
            return answer.location();
        }

        String signInCustomerUser(String username, String password) throws IOException {
            Response page = send("GET", "/my/sign-in", null, null, null);
            Response answer = send("POST", "/my/sign-in", form(page.csrf(), "username", username, "password", password),
                    "application/x-www-form-urlencoded", null);
            return answer.location();
        }

        Response get(String path) throws IOException {
            return checked(send("GET", path, null, null, null));
        }

        Response post(String path, String csrf, String... fields) throws IOException {
            return checked(send("POST", path, form(csrf, fields), "application/x-www-form-urlencoded", csrf));
        }

        Response upload(String path, String csrf, String csv) throws IOException {
            String boundary = "chaos" + UUID.randomUUID().toString().replace("-", "");
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n"
                    + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"chaos.csv\"\r\n"
                    + "Content-Type: text/csv\r\n\r\n";
            body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
            body.writeBytes(csv.getBytes(StandardCharsets.UTF_8));
            body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return checked(send("POST", path, body.toByteArray(), "multipart/form-data; boundary=" + boundary, csrf));
        }

        String progress(String batchPath) throws IOException {
            Response r = get(batchPath + "/progress");
            Matcher m = STATUS_JSON.matcher(r.body);
            return m.find() ? m.group(1) : "unknown (" + r.status + ")";
        }

        Response checked(Response r) throws IOException {
            if (r.status >= 500) {
                String text = r.body.replaceAll("(?s)<head>.*</head>", " ").replaceAll("(?s)<[^>]+>", " ")
                    .replaceAll("\\s+", " ")
                    .strip();
                throw new ServerError(r.status + " " + text.substring(0, Math.min(160, text.length())));
            }
            if (signedIn && r.status == 302 && (r.location().endsWith("/sign-in") || r.location().contains("/my/sign-in?reset"))) {
                throw new SignedOut();
            }
            return r;
        }

        static byte[] form(String csrf, String... fields) {
            StringBuilder s = new StringBuilder();
            if (csrf != null) {
                s.append("_csrf=").append(URLEncoder.encode(csrf, StandardCharsets.UTF_8));
            }
            for (int i = 0; i + 1 < fields.length; i += 2) {
                if (s.length() > 0) {
                    s.append('&');
                }
                s.append(URLEncoder.encode(fields[i], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
            }
            return s.toString().getBytes(StandardCharsets.UTF_8);
        }

        /**
         * Sends to the client's own instance, or to the other one while its own is down. A refused connection never
         * reached the server, so it is tried on the other instance; a connection lost mid-request is reported.
         */
        Response send(String method, String path, byte[] body, String contentType, String csrf) throws IOException {
            long giveUp = System.currentTimeMillis() + 60_000;
            while (true) {
                String base = pickBase();
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(60));
                String cookieHeader = cookieHeader(path);
                if (!cookieHeader.isEmpty()) {
                    request.header("Cookie", cookieHeader);
                }
                if (csrf != null) {
                    request.header("X-CSRF-TOKEN", csrf);
                }
                if (body != null) {
                    request.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
                }
                else {
                    request.method(method, HttpRequest.BodyPublishers.noBody());
                }
                try {
                    HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
                    for (String setCookie : r.headers().allValues("set-cookie")) {
                        remember(setCookie);
                    }
                    return new Response(r.statusCode(), r.body(), r.headers().map());
                }
                catch (ConnectException refused) {
                    downUntil.put(base, System.currentTimeMillis() + 5_000);
                    if (System.currentTimeMillis() > giveUp) {
                        throw refused;
                    }
                    sleep(200);
                }
                catch (IOException lost) {
                    downUntil.put(base, System.currentTimeMillis() + 5_000);
                    throw lost;
                }
                catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
            }
        }

        String pickBase() {
            long now = System.currentTimeMillis();
            String own = bases.get(home);
            if (downUntil.getOrDefault(own, 0L) < now) {
                return own;
            }
            String other = bases.get(1 - home);
            return downUntil.getOrDefault(other, 0L) < now ? other : own;
        }

        void remember(String setCookie) {
            String[] parts = setCookie.split(";");
            int eq = parts[0].indexOf('=');
            String name = parts[0].substring(0, eq).strip();
            String value = parts[0].substring(eq + 1).strip();
            String path = "/";
            boolean expired = value.isEmpty();
            for (int i = 1; i < parts.length; i++) {
                String p = parts[i].strip();
                if (p.regionMatches(true, 0, "Path=", 0, 5)) {
                    path = p.substring(5);
                }
                if (p.equalsIgnoreCase("Max-Age=0")) {
                    expired = true;
                }
            }
            String key = name + " " + path;
            if (expired) {
                cookies.remove(key);
            }
            else {
                cookies.put(key, new Cookie(name, path, value));
            }
        }

        String cookieHeader(String requestPath) {
            String p = requestPath.contains("?") ? requestPath.substring(0, requestPath.indexOf('?')) : requestPath;
            StringBuilder s = new StringBuilder();
            for (Cookie c : cookies.values()) {
                if (p.startsWith(c.path)) {
                    if (s.length() > 0) {
                        s.append("; ");
                    }
                    s.append(c.name).append('=').append(c.value);
                }
            }
            return s.toString();
        }
    }

    /** The first alert's text, numbers left out, so that like refusals count together. */
    static String firstAlert(String html) {
        Matcher m = Pattern.compile("(?s)class=\"alert alert-[a-z]+[^\"]*\"[^>]*>(.*?)</(div|p)>").matcher(html);
        if (!m.find()) {
            return "no message";
        }
        String text = m.group(1).replaceAll("(?s)<[^>]+>", " ").replaceAll("[0-9][0-9,.]*", "N").replaceAll("\\s+", " ")
            .strip();
        return text.substring(0, Math.min(70, text.length()));
    }

    static String formAction(String html, String endsWith) {
        Matcher m = FORM_ACTION.matcher(html);
        while (m.find()) {
            String action = m.group(1).replace("&amp;", "&");
            if (action.endsWith(endsWith)) {
                return action;
            }
        }
        throw new IllegalStateException("no form posting to *" + endsWith);
    }

    static String path(String location) {
        if (location.startsWith("http")) {
            URI u = URI.create(location);
            return u.getRawPath() + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
        }
        return location;
    }

    static List<String> all(Pattern p, String body) {
        List<String> found = new ArrayList<>();
        Matcher m = p.matcher(body);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
