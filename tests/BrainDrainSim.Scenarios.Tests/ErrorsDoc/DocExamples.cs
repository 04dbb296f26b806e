using System.Net.Sockets;
using System.Text;

namespace BrainDrainSim.Scenarios.Tests.ErrorsDoc;

/// <summary>
/// The examples corpus: for every loader message of docs/errors.md, in the doc's order and under its section
/// names, the smallest input that makes the loader print exactly that message. A new row in the doc needs a
/// new entry here (ErrorsDocTests fails until it has one); a reworded message must change in both places.
/// </summary>
internal static class DocExamples
{
    /// <summary>A valid lever, repeated through a YAML alias to fill the indexes before the one a message names.</summary>
    private const string Visa = "&v {type: visa_policy, at: 2025-10, fee_usd: 1}";

    /// <summary>The library's GPU import: half its compute to academia, 0.3 to industry, 0.2 to institutes.</summary>
    private const string Import = "{type: gpu_import, at: 2026-02, count: 10000, sector_shares: {academia: 0.5, industry: 0.3, institute: 0.2}, unit_cost_krw: 146000000, running_cost_krw_per_gpu_year: 14600000}";

    /// <summary>A good target of a targets file; each targets example changes one thing in it.</summary>
    private const string Target = "  - {name: abroad_2024, quantity: {metric: researchers_abroad, at: 2024-12}, observed: 11000, sd: 1500, role: fit, source: BOK}\n";

    /// <summary>A targets file of the one good target with <paramref name="from"/> replaced.</summary>
    private static string TargetWith(string from, string to)
    {
        if (!Target.Contains(from, StringComparison.Ordinal)) throw new ArgumentException($"the example target has no '{from}'");
        return "targets:\n" + Target.Replace(from, to, StringComparison.Ordinal);
    }

    /// <summary>A scenario naming post.csv as its posterior, with the CSV text given, loaded from disk.</summary>
    private static DocExample Posterior(string message, string csv) => PosteriorYaml(message, csv, "");

    /// <summary>As <see cref="Posterior"/> with more entries after the posterior in the uncertainty block.</summary>
    private static DocExample PosteriorYaml(string message, string csv, string entries) =>
        DocExample.Files(message, "s.yaml", ("post.csv", csv), ("s.yaml", "uncertainty:\n  posterior: {file: post.csv}\n" + entries));

    /// <summary>As <see cref="Posterior"/> with the CSV file's bytes given.</summary>
    private static DocExample PosteriorBytes(string message, byte[] csv) =>
        DocExample.Made(message, folder =>
        {
            File.WriteAllBytes(Path.Combine(folder, "post.csv"), csv);
            string yaml = Path.Combine(folder, "s.yaml");
            File.WriteAllText(yaml, "uncertainty:\n  posterior: {file: post.csv}\n");
            return yaml;
        });

    public static IReadOnlyList<DocExample> All { get; } =
    [
        // ## File and YAML syntax
        DocExample.Files("cannot find the scenario file scenarios/nothere.yaml", "nothere.yaml"),
        DocExample.Made("scenarios/afolder is a directory, not a scenario file",
            folder => Directory.CreateDirectory(Path.Combine(folder, "afolder")).FullName),
        DocExample.Made("scenarios/huge.yaml is larger than 16,777,216 bytes (16 MiB); a scenario file is a few kilobytes (is it the right file?)",
            folder => Sparse(Path.Combine(folder, "huge.yaml"), 16L * 1024 * 1024 + 1)),
        // The path and the reason are the system's, so both are wildcards. A Unix socket is a file that exists and
        // that nobody, root included, can open for reading (tests may run as root, which reads any file whatever
        // its permissions). Closing the socket deletes its file, so it stays open while the loader tries.
        DocExample.Loaded("cannot read ...: <reason>", folder =>
        {
            string path = Path.Combine(folder, "socket.yaml");
            using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            socket.Bind(new UnixDomainSocketEndPoint(path));
            return ScenarioLoader.Load(path);
        }, "...", "<reason>"),
        DocExample.Made("the file is not UTF-8 text: byte 0xC7 here is not valid UTF-8 (is it a binary file, or saved in another encoding such as EUC-KR or Latin-1? save it as UTF-8)",
            folder => Bytes(Path.Combine(folder, "euc-kr.yaml"), [.. "name: "u8, 0xC7, 0xD1, (byte)'\n'])), // "han" in EUC-KR
        DocExample.Text("the file contains the control character U+0001; it looks like a binary file, not YAML text", "name: a\u0001b\n"),
        DocExample.Text("the file is empty: a scenario is a mapping of keys such as name:, population: and levers:", "# nothing but a comment\n"),
        DocExample.Text("a scenario file must be a mapping of keys (name:, population:, levers: ...), not a list", "- a\n- b\n"),
        DocExample.Text("YAML syntax error: While parsing a block collection, did not find expected '-' indicator.",
            "levers:\n  - type: gpu_import\n  at: 2025-01\n"),
        DocExample.Text("YAML syntax error: the text cannot be read as YAML here (is a '[' or '{' left unclosed?)", "months: [1, 2\nstart: 2025-01\n"),
        DocExample.Text("YAML syntax error: a tab in the indentation; YAML indents with spaces only", "population:\n\tat_home: 5\n"),
        DocExample.Text("the file holds more than one YAML document (a second '---'); a scenario is one document", "months: 12\n---\nmonths: 24\n"),
        DocExample.Text("months: the alias '*twelve' names no anchor defined before it", "months: *twelve\n"),
        DocExample.Text("the document expands to more than 1,000,000 nodes (through aliases?); a scenario needs a few hundred", AliasBomb()),
        DocExample.Text("the document is nested more than 100 levels deep; a scenario needs a few",
            "a: " + new string('[', 101) + new string(']', 101) + "\n"),
        DocExample.Text("months: duplicate key 'months' (first given on line 1; each key may appear once)", "months: 60\nmonths: 70\n"),
        DocExample.Text("a key must be plain text, not a list", "? [a, b]\n: 1\n"),

        // ## Unknown keys
        DocExample.Text("levers[0].cuont: unknown key 'cuont'; did you mean 'count'?",
            "levers:\n  - {type: gpu_import, at: 2025-06, cuont: 10, sector_shares: {industry: 1}, unit_cost_krw: 146000000, running_cost_krw_per_gpu_year: 14600000}\n"),
        DocExample.Text("coeficients: unknown key 'coeficients'; did you mean 'coefficients'?", "coeficients: {b_gpu: 0.1}\n"),
        DocExample.Text("levers[0].running-cost-krw-per-gpu-year: unknown key 'running-cost-krw-per-gpu-year'; did you mean 'running_cost_krw_per_gpu_year'?",
            "levers:\n  - {type: gpu_import, at: 2026-02, count: 10, sector_shares: {industry: 1}, unit_cost_krw: 1, running-cost-krw-per-gpu-year: 1}\n"),
        DocExample.Text("levers[0].percent: 'percent' is now 'fraction': the same top-up as a fraction of pay, 0.05 for 5% and 0.5 for 50% (the old key took a fraction too, despite its name)",
            "levers:\n  - {type: salary_topup, at: 2026-01, percent: 0.5}\n"),
        DocExample.Text("b_net: unknown key 'b_net' at the top level; it is a key of coefficients", "b_net: 1\n"),
        DocExample.Text("pay.half_life_years: unknown key 'half_life_years' in pay; it is a key of compute", "pay: {half_life_years: 3}\n"),
        DocExample.Text("network.zzz: unknown key 'zzz'; the keys here are: peers_per_researcher, homophily", "network: {zzz: 1}\n"),
        DocExample.Text("levers[0].fee_usd: unknown key 'fee_usd' for a salary_topup lever (it is a key of visa_policy)",
            "levers:\n  - {type: salary_topup, at: 2025-01, fraction: 0.1, fee_usd: 5}\n"),
        DocExample.Text("levers[1].zzz: unknown key 'zzz' for a visa_policy lever; its keys are: at, until, label, selection_rate, advanced_round_rate, fee_usd, talent_route_rate, other_pass_rate, study_pass_rate, type",
            $"levers:\n  - {Visa}\n  - {{type: visa_policy, at: 2025-10, fee_usd: 1, zzz: 1}}\n"),

        // ## Types and values
        DocExample.Text("months: expected a whole number, not 'ten'", "months: ten\n"),
        DocExample.Text("network.peers_per_researcher: expected a whole number, not '2.5'", "network: {peers_per_researcher: 2.5}\n"),
        DocExample.Text("krw_per_usd: expected a number, not the quoted text '1391.6' (leave numbers unquoted)", "krw_per_usd: '1391.6'\n"),
        DocExample.Text("agent_scale: expected a whole number, but the value is empty", "agent_scale:\n"),
        DocExample.Text("coefficients.b_gpu: NaN is not allowed: expected a finite number", "coefficients: {b_gpu: .nan}\n"),
        DocExample.Text("coefficients.b_wage: infinity is not allowed: expected a finite number", "coefficients: {b_wage: .inf}\n"),
        DocExample.Text("coefficients.b_net: '1e400' is not a finite number", "coefficients: {b_net: 1e400}\n"),
        DocExample.Text("population: expected a section (indented key: value lines), not a list", "population: [1, 2]\n"),
        DocExample.Text("sectors: expected a list (entries starting with '- '), not a section", "sectors: {name: academia, share: 1}\n"),
        DocExample.Text("description: expected text, not a list", "description: [a, b]\n"),
        DocExample.Text("levers[0].top_talent_only: expected true or false, not 'yes'",
            "levers:\n  - {type: salary_topup, at: 2025-01, fraction: 0.1, top_talent_only: yes}\n"),
        DocExample.Text("levers[0].stage: expected one of: student, early, mid, senior; not 'junior'",
            "levers:\n  - {type: salary_topup, at: 2025-01, fraction: 0.1, stage: junior}\n"),
        DocExample.Text(@"name: the name must not contain '/' or '\': it names the output folder (results/NAME); leave name: out to use the file's name",
            "name: ../elsewhere\n"),

        // ## Bounds and units
        DocExample.Text("population.at_home: -5 is below the minimum 0 of persons (valid range [0, 1E+09])", "population: {at_home: -5}\n"),
        DocExample.Text("compute.half_life_years: 0 is not above the minimum 0 of years, which is excluded (valid range (0, 100])", "compute: {half_life_years: 0}\n"),
        DocExample.Text("visa.us_share: 1.5 is above the maximum 1 (valid range [0, 1])", "visa: {us_share: 1.5}\n"),
        DocExample.Text("coefficients.lambda_out: 2 is above the maximum 1 per month (valid range [0, 1])", "coefficients: {lambda_out: 2}\n"),
        DocExample.Text("levers[0].graduates_multiplier: 0.7 is below the minimum 1 of ratio (valid range [1, 100]): an education lever adds graduate places; a cut would be priced as a saving at the cost of an extra place, which it is not (programmes have fixed costs); for fewer graduates without a policy cost lower careers.annual_graduates",
            "levers:\n  - {type: education, at: 2026-01, graduates_multiplier: 0.7, cost_krw_per_extra_graduate: 6e7}\n"),
        DocExample.Text("agent_scale: agent_scale 20000 leaves no agent for population.abroad_us (6300 / 20000 rounds to 0); use a smaller scale", "agent_scale: 20000\n"),
        DocExample.Text("population: the initial population is empty (at_home, abroad_us and abroad_other are all 0): give at least one researcher; the top-talent threshold is the 90th percentile of their talent",
            "population: {at_home: 0, abroad_us: 0, abroad_other: 0}\n"),

        // ## Dates, lever timing and the timeline
        DocExample.Text("start: expected a month as YYYY-MM (such as 2025-07), not '2025-13'", "start: 2025-13\n"),
        DocExample.Text("levers[0].at: 2999-12 is after the last simulated month 2034-12 (start 2025-01 plus 120 months): the lever would never apply",
            "start: 2025-01\nmonths: 120\nlevers:\n  - {type: visa_policy, at: 2999-12, fee_usd: 1}\n"),
        DocExample.Text("levers[1].until: until 2026-01 is before at 2026-06; a lever applies from at through until, both included",
            $"levers:\n  - {Visa}\n  - {{type: visa_policy, at: 2026-06, until: 2026-01, fee_usd: 1}}\n"),
        DocExample.Text("levers[3].until: a gpu_import has no 'until': the cohort's service life (compute.service_life_years) governs how long it lasts",
            $"levers:\n  - {Visa}\n  - *v\n  - *v\n  - {{type: gpu_import, at: 2025-06, until: 2027-01, count: 10, sector_shares: {{industry: 1}}, unit_cost_krw: 146000000, running_cost_krw_per_gpu_year: 14600000}}\n"),
        DocExample.Text("levers[4].at: a lever needs 'at:', the month it starts (YYYY-MM)",
            $"levers:\n  - {Visa}\n  - *v\n  - *v\n  - *v\n  - {{type: visa_policy, fee_usd: 1}}\n"),
        DocExample.Text("timeline[1].from: from 2020-01 is not after timeline[0].from 2021-01; list the entries in month order, one per month",
            "timeline:\n  - {from: 2021-01, krw_per_usd: 1144.89}\n  - {from: 2020-01, krw_per_usd: 1180.56}\n"),
        DocExample.Text("timeline[0]: a timeline entry needs 'from:', the first month its values hold (YYYY-MM)",
            "timeline:\n  - {krw_per_usd: 1130.96}\n"),
        DocExample.Text("timeline[0]: a timeline entry changes nothing: give at least one value besides 'from:', such as krw_per_usd: 1130.96",
            "timeline:\n  - {from: 2020-06}\n"),

        // ## Shares and sectors
        DocExample.Text("population.home_stage_shares: the shares sum to 1.5, not 1 (student 0.5 + early 0.5 + mid 0.3 + senior 0.2)",
            "population:\n  home_stage_shares: {student: 0.5, early: 0.5, mid: 0.3, senior: 0.2}\n"),
        DocExample.Text("careers.graduation_degrees: the shares sum to 1.6, not 1 (bachelor 0.05 + master 0.65 + phd 0.9)",
            "careers:\n  graduation_degrees: {phd: 0.9}\n"),
        DocExample.Text("sectors: the sectors' shares sum to 0.9, not 1 (academia 0.5 + industry 0.4)",
            "sectors:\n  - {name: academia, share: 0.5}\n  - {name: industry, share: 0.4}\n"),
        DocExample.Text("levers[0].mix: the mix's shares sum to 0.9, not 1 (H100 0.5 + B200 0.4)", """
            levers:
              - type: gpu_import
                at: 2025-06
                count: 100
                mix: [{model: H100, share: 0.5}, {model: B200, share: 0.4, h100e_per_unit: 2}]
                sector_shares: {industry: 1}
                unit_cost_krw: 146000000
                running_cost_krw_per_gpu_year: 14600000
            """),
        DocExample.Text("levers[0].sector_shares: the sector shares sum to 0.4, not 1 (academia 0.2 + industry 0.2)",
            "levers:\n  - {type: gpu_import, at: 2025-06, count: 100, sector_shares: {academia: 0.2, industry: 0.2}, unit_cost_krw: 146000000, running_cost_krw_per_gpu_year: 14600000}\n"),
        DocExample.Text("levers[0].sector_shares.industy: 'industy' is not a sector; did you mean 'industry'? (the sectors are: academia, industry, institute)",
            "levers:\n  - {type: gpu_import, at: 2025-06, count: 100, sector_shares: {academia: 0.5, industy: 0.5}, unit_cost_krw: 146000000, running_cost_krw_per_gpu_year: 14600000}\n"),
        DocExample.Text("levers[1].sector_shares: a gpu_import needs sector_shares: the share of its compute going to each sector, such as {academia: ..., industry: ..., institute: ...}",
            $"levers:\n  - {Visa}\n  - {{type: gpu_import, at: 2025-06, count: 100, unit_cost_krw: 146000000, running_cost_krw_per_gpu_year: 14600000}}\n"),
        DocExample.Text("levers[2].sector_shares: sector_shares is empty; give the share of at least one sector",
            $"levers:\n  - {Visa}\n  - *v\n  - {{type: gpu_import, at: 2025-06, count: 100, sector_shares: {{}}, unit_cost_krw: 146000000, running_cost_krw_per_gpu_year: 14600000}}\n"),
        DocExample.Text("levers[2].mix: the mix needs at least one GPU model",
            $"levers:\n  - {Visa}\n  - *v\n  - {{type: gpu_import, at: 2025-06, count: 100, mix: [], sector_shares: {{industry: 1}}, unit_cost_krw: 146000000, running_cost_krw_per_gpu_year: 14600000}}\n"),
        DocExample.Text("sectors: list at least one sector (with a name and a share)", "sectors: []\n"),
        DocExample.Text("sectors[1].name: the sector name 'academia' is already used by sectors[0]; names must be unique",
            "sectors:\n  - {name: academia, share: 0.5}\n  - {name: academia, share: 0.5}\n"),
        DocExample.Text("sectors[2].name: a sector needs a name (levers name sectors by it)",
            "sectors:\n  - {name: academia, share: 0.5}\n  - {name: industry, share: 0.5}\n  - {share: 0}\n"),

        // ## Levers
        DocExample.Text("levers: expected a list of levers (entries starting with '- type:'), not a section", "levers: {type: gpu_import}\n"),
        DocExample.Text("levers[0]: expected a lever (a section with type: and at:), not '5'", "levers: [5]\n"),
        DocExample.Text("levers[1].type: a lever needs 'type:', one of: compute_voucher, education, gpu_import, return_incentive, salary_topup, visa_policy",
            $"levers:\n  - {Visa}\n  - {{at: 2025-01, fee_usd: 1}}\n"),
        DocExample.Text("levers[3].type: unknown lever type 'gpu_imprt'; did you mean 'gpu_import'? (the lever types are: compute_voucher, education, gpu_import, return_incentive, salary_topup, visa_policy)",
            $"levers:\n  - {Visa}\n  - *v\n  - *v\n  - {{type: gpu_imprt, at: 2025-01}}\n"),
        DocExample.Text("levers[2].type: expected a lever type, one of: compute_voucher, education, gpu_import, return_incentive, salary_topup, visa_policy; not a list",
            $"levers:\n  - {Visa}\n  - *v\n  - {{type: [gpu_import], at: 2025-01}}\n"),
        DocExample.Text("levers[1]: a salary_topup needs amount_krw_per_year or fraction above 0; it gives neither",
            $"levers:\n  - {Visa}\n  - {{type: salary_topup, at: 2025-01, top_talent_only: true}}\n"),
        DocExample.Text("levers[0]: a gpu_import needs unit_cost_krw (the purchase, charged in the arrival month) and running_cost_krw_per_gpu_year (power, hosting and operation, charged monthly in service); write 0 for a cost the home budget does not bear",
            "levers:\n  - {type: gpu_import, at: 2026-02, count: 10, sector_shares: {industry: 1}}\n"),
        DocExample.Text("levers[0]: a compute_voucher needs price_krw_per_gpu_hour (the cost of each GPU-hour handed out); write 0 for a cost the home budget does not bear",
            "levers:\n  - {type: compute_voucher, at: 2026-02, gpu_hours_per_researcher_per_month: 10}\n"),
        DocExample.Text("levers[0]: a return_incentive needs price_krw_per_gpu_hour (the cost of each GPU-hour of the guaranteed compute); write 0 for a cost the home budget does not bear",
            "levers:\n  - {type: return_incentive, at: 2026-02, guaranteed_h100e: 1, guarantee_months: 12}\n"),
        DocExample.Text("levers[0]: an education needs cost_krw_per_extra_graduate (charged for each entrant above the baseline number); write 0 for a cost the home budget does not bear",
            "levers:\n  - {type: education, at: 2026-02, graduates_multiplier: 1.2}\n"),

        // ## extends
        DocExample.Files("extends: cannot find the file 'basline.yaml' (looked for scenarios/basline.yaml) that extends names",
            "child.yaml", ("child.yaml", "extends: basline.yaml\n")),
        DocExample.Made("extends: 'afolder' (looked for scenarios/afolder) is a directory, not a scenario file", folder =>
        {
            Directory.CreateDirectory(Path.Combine(folder, "afolder"));
            return Write(Path.Combine(folder, "child.yaml"), "extends: afolder\n");
        }),
        DocExample.Files("extends: extends makes a cycle: ext4.yaml -> ext5.yaml -> ext4.yaml",
            "ext4.yaml", ("ext4.yaml", "extends: ext5.yaml\n"), ("ext5.yaml", "extends: ext4.yaml\n")),
        DocExample.Text("extends: expected the path of the scenario file this one builds on, not a list", "extends: [a.yaml, b.yaml]\n"),
        DocExample.Text(@"extends: 'base\u0000line.yaml' is not a usable file path", "extends: \"base\\0line.yaml\"\n"),

        // ## Uncertainty
        DocExample.Text("uncertainty: expected a section mapping each quantity's path to a distribution, such as coefficients.b_gpu: {dist: normal, mean: 0.2, sd: 0.1}; not a list",
            "uncertainty: [coefficients.b_gpu]\n"),
        DocExample.Text("uncertainty.coefficients.b_gpu: expected a distribution such as {dist: normal, mean: 0.2, sd: 0.1}, not '0.2'",
            "uncertainty:\n  coefficients.b_gpu: 0.2\n"),
        DocExample.Text("uncertainty.coefficients.b_wage.dist: a distribution needs 'dist:', one of: normal, lognormal, uniform, beta, triangular, gamma, dirichlet",
            "uncertainty:\n  coefficients.b_wage: {mean: 1, sd: 0.1}\n"),
        DocExample.Text("uncertainty.coefficients.b_net.dist: expected one of: normal, lognormal, uniform, beta, triangular, gamma, dirichlet; not 'poisson'",
            "uncertainty:\n  coefficients.b_net: {dist: poisson, mean: 1}\n"),
        DocExample.Text("uncertainty.coefficients.b0.alpha: 'alpha' is not a parameter of a normal distribution (it takes mean, sd)",
            "uncertainty:\n  coefficients.b0: {dist: normal, mean: -3, sd: 0.1, alpha: 2}\n"),
        DocExample.Text("uncertainty.coefficients.b_talent.mode: a triangular distribution needs 'mode'",
            "uncertainty:\n  coefficients.b_talent: {dist: triangular, min: 0, max: 1}\n"),
        DocExample.Text("uncertainty.coefficients.b_att.sd: sd must be above 0, not 0",
            "uncertainty:\n  coefficients.b_att: {dist: normal, mean: 0.5, sd: 0}\n"),
        DocExample.Text("uncertainty.coefficients.b_gpu.max: max 0.5 must be above min 1",
            "uncertainty:\n  coefficients.b_gpu: {dist: uniform, min: 1, max: 0.5}\n"),
        DocExample.Text("uncertainty.coefficients.b_net.mode: mode 2 must lie between min 0 and max 1",
            "uncertainty:\n  coefficients.b_net: {dist: triangular, min: 0, mode: 2, max: 1}\n"),
        DocExample.Text("uncertainty.coefficients.b_wage.min: give both min and max to rescale the beta from [0, 1], or neither",
            "uncertainty:\n  coefficients.b_wage: {dist: beta, alpha: 2, beta: 2, min: 0}\n"),
        DocExample.Text("uncertainty.coefficients.b0.shape: shape must be at most 1e6, not 1E+300: so narrow a gamma is a fixed value (set the quantity instead)",
            "uncertainty:\n  coefficients.b0: {dist: gamma, shape: 1e300, rate: 1}\n"),
        DocExample.Text("uncertainty.coefficients.b_att: the quantiles of a gamma(shape 1E-50, rate 1) distribution cannot be computed; check its parameters (is one of them extremely large or small?)",
            "uncertainty:\n  coefficients.b_att: {dist: gamma, shape: 1e-50, rate: 1}\n"),
        DocExample.Text("uncertainty.visa.us_share: a normal(mean 0.6, sd 0.3) distribution does not fit the valid range [0, 1] of visa.us_share: its 1e-6 and 1 - 1e-6 quantiles are -0.826027 and 2.02603; for a quantity in [0, 1] a beta fits",
            "uncertainty:\n  visa.us_share: {dist: normal, mean: 0.6, sd: 0.3}\n"),
        DocExample.Text("uncertainty.coefficients.b_gpux: 'coefficients.b_gpux' cannot be made uncertain: 'coefficients.b_gpux' is not a key of the scenario (keys under coefficients: b0, b_wage, b_gpu, b_net, b_talent, lambda_out, r0, b_att, lambda_back, attachment_mean, attachment_sd)",
            "uncertainty:\n  coefficients.b_gpux: {dist: normal, mean: 0.2, sd: 0.1}\n"),
        DocExample.Text("uncertainty.months: 'months' cannot be made uncertain: 'months' fixes the shape of the ensemble: every replication of an ensemble covers the same months",
            "uncertainty:\n  months: {dist: uniform, min: 60, max: 120}\n"),
        DocExample.Text("uncertainty.levers[3].count: 'levers[3].count' cannot be made uncertain: 'levers[3]' is out of range (levers has 0 entries)",
            "uncertainty:\n  levers[3].count: {dist: uniform, min: 800, max: 1200}\n"),
        DocExample.Text("uncertainty.levers[x].count: 'levers[x].count' cannot be made uncertain: 'levers[x].count' has a malformed index (write it as key[0])",
            "uncertainty:\n  levers[x].count: {dist: uniform, min: 800, max: 1200}\n"),
        DocExample.Text("uncertainty.uncertainty.x: the uncertainty block cannot make its own parameters uncertain",
            "uncertainty:\n  uncertainty.x: {dist: uniform, min: 0, max: 1}\n"),
        DocExample.Text("uncertainty.levers[0].sector_shares.academia: 'levers[0].sector_shares.academia' is one of the shares of levers[0].sector_shares, which must sum to 1, so it cannot be drawn on its own; draw the whole set with a dirichlet distribution, such as levers[0].sector_shares: {dist: dirichlet, concentration: {academia: 10, industry: 6, institute: 4}}",
            $"levers:\n  - {Import}\nuncertainty:\n  levers[0].sector_shares.academia: {{dist: beta, alpha: 5, beta: 5}}\n"),
        DocExample.Text("uncertainty.population.home_stage_shares: 'population.home_stage_shares' is a set of shares that sum to 1: draw it whole with a dirichlet distribution, such as population.home_stage_shares: {dist: dirichlet, concentration: {student: 3, early: 7, mid: 6, senior: 4}}",
            "uncertainty:\n  population.home_stage_shares: {dist: beta, alpha: 2, beta: 8}\n"),
        DocExample.Text("uncertainty.coefficients.b_gpu: a dirichlet distribution is for a set of shares that sum to 1 (sectors, a stage or degree mix, a GPU import's mix or sector_shares); 'coefficients.b_gpu' is not one",
            "uncertainty:\n  coefficients.b_gpu: {dist: dirichlet, concentration: {a: 1}}\n"),
        DocExample.Text("uncertainty.levers[0].sector_shares.concentration: 'academia' is not a share of levers[0].sector_shares (its shares are: industry)",
            "levers:\n  - {type: gpu_import, at: 2026-02, count: 10, sector_shares: {industry: 1}, unit_cost_krw: 1, running_cost_krw_per_gpu_year: 1}\nuncertainty:\n  levers[0].sector_shares: {dist: dirichlet, concentration: {industry: 5, academia: 2}}\n"),
        DocExample.Text("uncertainty.population.home_stage_shares.concentration: give a concentration for every share of population.home_stage_shares; missing: senior",
            "uncertainty:\n  population.home_stage_shares: {dist: dirichlet, concentration: {student: 3, early: 7, mid: 6}}\n"),
        DocExample.Text("uncertainty.sectors.concentration.academia: 0.01 is below the minimum 0.1 (valid range [0.1, 1E+06])",
            "uncertainty:\n  sectors: {dist: dirichlet, concentration: {academia: 0.01, industry: 5, institute: 2}}\n"),
        DocExample.Text("uncertainty.posterior: expected a section naming a calibration's posterior, such as posterior: {file: posterior.csv}; not 'post.csv'", "uncertainty:\n  posterior: post.csv\n"),
        DocExample.Text("uncertainty.posterior.file: the posterior section needs 'file:', the posterior.csv of a calibration (relative to this file)", "uncertainty:\n  posterior: {}\n"),
        DocExample.Text("uncertainty.posterior.weights: unknown key 'weights'; the posterior section has one key: file", "uncertainty:\n  posterior: {file: post.csv, weights: w}\n"),
        DocExample.Text("uncertainty.posterior.file: expected the path of a calibration's posterior.csv, not a list", "uncertainty:\n  posterior: {file: [a, b]}\n"),
        DocExample.Files("uncertainty.posterior.file: cannot find the posterior file 'nothere.csv' (looked for scenarios/nothere.csv)", "s.yaml", ("s.yaml", "uncertainty:\n  posterior: {file: nothere.csv}\n")),
        Posterior("uncertainty.posterior.file: post.csv is empty: a posterior needs a header line and one row per particle", ""),
        PosteriorBytes("uncertainty.posterior.file: post.csv is not UTF-8 text (is it the posterior.csv that braindrain calibrate wrote?)", [0x77, 0xC7, 0x0A]),
        Posterior("uncertainty.posterior.file: post.csv has no 'weight' column: each row is drawn by its weight (the posterior.csv of braindrain calibrate has one)", "particle,coefficients.b0\n0,-4\n"),
        Posterior("uncertainty.posterior.file: post.csv: the column 'weight' appears twice in the header", "weight,coefficients.b0,weight\n1,-4,1\n"),
        Posterior("uncertainty.posterior.file: post.csv, line 3 has 3 fields; the header has 2", "weight,coefficients.b0\n1,-4\n1,-4,5\n"),
        Posterior("uncertainty.posterior.file: post.csv, line 2: a quoted field is not closed on its line", "weight,coefficients.b0\n\"1,-4\n"),
        Posterior("uncertainty.posterior.file: post.csv, line 2, column 'coefficients.b0': expected a finite number, not 'abc'", "weight,coefficients.b0\n1,abc\n"),
        Posterior("uncertainty.posterior.file: post.csv, line 3: the weight -0.5 must be a finite number of at least 0", "weight,coefficients.b0\n1,-4\n-0.5,-4\n"),
        Posterior("uncertainty.posterior.file: the weights of post.csv are all 0, so no row can be drawn", "weight,coefficients.b0\n0,-4\n0,-3\n"),
        Posterior("uncertainty.posterior.file: post.csv has no rows below its header: a posterior needs at least one", "weight,coefficients.b0\n"),
        Posterior("uncertainty.posterior.file: post.csv has no parameter columns: besides particle, weight, distance, summary.* and simulation_seed, each column is headed by the path of a quantity of the scenario (coefficients.b0)", "particle,weight,distance\n0,1,0.5\n"),
        Posterior("uncertainty.posterior.file: post.csv, column 'coefficients.b_gpx': not a quantity of the scenario: 'coefficients.b_gpx' is not a key of the scenario (keys under coefficients: b0, b_wage, b_gpu, b_net, b_talent, lambda_out, r0, b_att, lambda_back, attachment_mean, attachment_sd)", "weight,coefficients.b_gpx\n1,0.2\n"),
        Posterior("uncertainty.posterior.file: post.csv, line 3, column 'visa.us_share': 1.2 is outside the valid range [0, 1] of visa.us_share (2 rows in all)", "weight,visa.us_share\n1,0.5\n1,1.2\n1,7\n"),
        Posterior("uncertainty.posterior.file: post.csv, column 'sectors[0].share': 'sectors[0].share' is one of the shares of sectors, which must sum to 1, so a posterior cannot set it on its own", "weight,sectors[0].share\n1,0.3\n"),
        PosteriorYaml("uncertainty.coefficients.b0: 'coefficients.b0' is a column of the posterior post.csv: a path may not be both in the posterior and drawn on its own (remove this entry or the column)", "weight,coefficients.b0\n1,-4\n", "  coefficients.b0: {dist: normal, mean: -4, sd: 0.3}\n"),

        // ## Calibration targets
        DocExample.TargetsMade("cannot find the targets file scenarios/nothere.yaml", folder => Path.Combine(folder, "nothere.yaml")),
        DocExample.TargetsMade("scenarios/afolder is a directory, not a targets file", folder => Directory.CreateDirectory(Path.Combine(folder, "afolder")).FullName),
        DocExample.TargetsMade("scenarios/huge.yaml is larger than 16,777,216 bytes (16 MiB); a targets file is a few kilobytes (is it the right file?)",
            folder => Sparse(Path.Combine(folder, "huge.yaml"), 16L * 1024 * 1024 + 1)),
        DocExample.Targets("the file is empty: a targets file is a mapping of keys such as name:, description: and targets:", "# nothing but a comment\n"),
        DocExample.Targets("a targets file must be a mapping of keys (name:, description:, targets:), not a list", "- a\n- b\n"),
        DocExample.TargetsMade("no targets file was named", _ => ""),
        DocExample.Targets("targets[0].obseved: unknown key 'obseved'; did you mean 'observed'?", TargetWith("observed:", "obseved:")),
        DocExample.Targets("targets[0].metric: unknown key 'metric' in targets[0]; it is a key of quantity",
            TargetWith("quantity: {metric: researchers_abroad, at: 2024-12}", "metric: researchers_abroad")),
        DocExample.Targets("targets[0].zzz: unknown key 'zzz'; the keys here are: name, quantity, observed, bound, sd, role, source", TargetWith("role: fit", "role: fit, zzz: 1")),
        DocExample.Targets("targets[0].role: expected one of: fit, validate; not 'fitted'", TargetWith("role: fit", "role: fitted")),
        DocExample.Targets("targets[0].quantity: expected a section (indented key: value lines), not 'researchers_abroad'",
            TargetWith("quantity: {metric: researchers_abroad, at: 2024-12}", "quantity: researchers_abroad")),
        DocExample.Targets("targets: a target set needs at least one target: a list of entries with name:, quantity:, observed: or bound:, sd:, role: and source:", "targets: []\n"),
        DocExample.Targets("targets: no target has role: fit, so nothing enters the distance; fit at least one (validate targets are only reported)",
            TargetWith("role: fit", "role: validate")),
        DocExample.Targets("targets[0].name: a target needs name: it names the target in reports and messages", TargetWith("name: abroad_2024, ", "")),
        DocExample.Targets("targets[0].name: 'abroad 2024' is not a usable target name: use letters, digits, '_', '-' and '.' (at most 100); it heads a column of the calibration's outputs",
            TargetWith("name: abroad_2024", "name: abroad 2024")),
        DocExample.Targets("targets[1].name: the target name 'abroad_2024' is already used by targets[0]; names must be unique", "targets:\n" + Target + Target),
        DocExample.Targets("targets[0].quantity: a target needs quantity: the model output it is compared with, such as {metric: researchers_abroad, at: 2024-12}",
            TargetWith("quantity: {metric: researchers_abroad, at: 2024-12}, ", "")),
        DocExample.Targets("targets[0].quantity.metric: a quantity needs metric: the name of a model output (such as researchers_abroad), or ratio: two quantities",
            TargetWith("metric: researchers_abroad, ", "")),
        DocExample.Targets("targets[0].quantity.metric: 'researchers_abroda' is not a metric of scenario 'history'; did you mean 'researchers_abroad'?",
            TargetWith("metric: researchers_abroad", "metric: researchers_abroda")),
        DocExample.Targets("targets[0].quantity.metric: 'gdp' is not a metric of scenario 'history'; the metrics are: researchers_home, researchers_abroad, ...",
            TargetWith("metric: researchers_abroad", "metric: gdp"), "..."),
        DocExample.Targets("targets[0].quantity.metric: 'visa.selection_rate' is an input of the scenario, set in the scenario file; it cannot be a target, which compares a model output (a metric such as researchers_abroad) with what was observed",
            TargetWith("metric: researchers_abroad", "metric: visa.selection_rate")),
        DocExample.Targets("targets[0].quantity.metric: 'selection_rate' is an input of the scenario (visa.selection_rate, timeline[i].selection_rate, levers[i].selection_rate), set in the scenario file; it cannot be a target, which compares a model output (a metric such as researchers_abroad) with what was observed",
            TargetWith("metric: researchers_abroad", "metric: selection_rate")),
        DocExample.Targets("targets[0].quantity: a quantity needs one of at: (a month), sum: or mean: (a period {from: YYYY-MM, to: YYYY-MM}, both months included)",
            TargetWith(", at: 2024-12", "")),
        DocExample.Targets("targets[0].quantity: give one of at, sum or mean, not at and mean",
            TargetWith("at: 2024-12", "at: 2024-12, mean: {from: 2024-01, to: 2024-12}")),
        DocExample.Targets("targets[0].quantity.mean.to: a period needs from: and to:, months as YYYY-MM (both included)",
            TargetWith("at: 2024-12", "mean: {from: 2024-01}")),
        DocExample.Targets("targets[0].quantity.mean.to: to 2024-01 is before from 2024-12; a period runs from from through to, both included",
            TargetWith("at: 2024-12", "mean: {from: 2024-12, to: 2024-01}")),
        DocExample.Targets("targets[0].quantity.at: 2014-12 is before the first simulated month 2015-01 (scenario 'history' runs 2015-01 to 2024-12): target 'abroad_2024' lies outside the run",
            TargetWith("at: 2024-12", "at: 2014-12")),
        DocExample.Targets("targets[0].quantity.mean.from: 2025-01 is after the last simulated month 2024-12 (scenario 'history' runs 2015-01 to 2024-12): target 'abroad_2024' lies outside the run",
            TargetWith("at: 2024-12", "mean: {from: 2025-01, to: 2025-12}")),
        DocExample.Targets("targets[0].quantity.sum: researchers_abroad is a stock, a level at the end of each month (persons): a sum over months counts the level once a month; take it at: a month or average it (mean:)",
            TargetWith("at: 2024-12", "sum: {from: 2024-01, to: 2024-12}")),
        DocExample.Targets("targets[0].quantity.at: emigrations is a flow (persons per month): at: takes the flow of one month; for a year's flow write sum: {from: 2024-01, to: 2024-12} (or mean: for its mean per month)",
            TargetWith("metric: researchers_abroad", "metric: emigrations")),
        DocExample.Targets("targets[0].quantity.ratio: a ratio needs two quantities, the numerator then the denominator, not 1",
            TargetWith("quantity: {metric: researchers_abroad, at: 2024-12}", "quantity: {ratio: [{metric: researchers_abroad, at: 2024-12}]}")),
        DocExample.Targets("targets[0].quantity.ratio[1].ratio: the two quantities of a ratio are each one metric (at, sum or mean); ratios do not nest",
            TargetWith("quantity: {metric: researchers_abroad, at: 2024-12}", "quantity: {ratio: [{metric: researchers_abroad, at: 2024-12}, {ratio: []}]}")),
        DocExample.Targets("targets[0].quantity: a ratio is the whole quantity: metric, at cannot stand beside ratio; give each of its two quantities its own metric and month",
            TargetWith("at: 2024-12", "at: 2024-12, ratio: [{metric: researchers_abroad_us, at: 2024-12}, {metric: researchers_abroad, at: 2024-12}]")),
        DocExample.Targets("targets[0]: a target needs observed: (the figure) or bound: (a min: or max: it must keep), each with sd:", TargetWith("observed: 11000, ", "")),
        DocExample.Targets("targets[0].bound: give observed: or bound:, not both: a bound is for a figure known only as a limit or a sign",
            TargetWith("observed: 11000", "observed: 11000, bound: {min: 0}")),
        DocExample.Targets("targets[0].bound: a bound needs min:, max: or both", TargetWith("observed: 11000", "bound: {}")),
        DocExample.Targets("targets[0].bound.max: max 5000 is below min 10000", TargetWith("observed: 11000", "bound: {min: 10000, max: 5000}")),
        DocExample.Targets("targets[0].sd: a target needs sd: the uncertainty of the figure in the quantity's unit (for a bound, the scale of the penalty beyond it); where the source gives none it is an assumption: say so",
            TargetWith("sd: 1500, ", "")),
        DocExample.Targets("targets[0].sd: sd must be a finite number above 0, not 0: the discrepancy is divided by it", TargetWith("sd: 1500", "sd: 0")),
        DocExample.Targets("targets[0].role: a target needs role: fit (it enters the distance) or validate (it is only reported)", TargetWith("role: fit, ", "")),
        DocExample.Targets("targets[0].source: a target needs source: where the figure comes from (with its confidence tag), or that it is an assumption",
            TargetWith(", source: BOK", "")),
    ];

    /// <summary>Ten anchors, each holding ten aliases of the one before: 10^10 nodes from ten lines.</summary>
    private static string AliasBomb()
    {
        var yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 10; i++) yaml.Append($"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]\n");
        return yaml.ToString();
    }

    /// <summary>A file of <paramref name="length"/> bytes that takes no disk space (a hole, on file systems that have them).</summary>
    private static string Sparse(string path, long length)
    {
        using (var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write)) stream.SetLength(length);
        return path;
    }

    private static string Bytes(string path, byte[] bytes)
    {
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static string Write(string path, string text)
    {
        File.WriteAllText(path, text);
        return path;
    }
}
