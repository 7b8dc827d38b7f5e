using ConfigLang.Acme.Credentials;
using ConfigLang.Acme.Dns;
using ConfigLang.Acme.Protocol;

namespace ConfigLang.Acme.Tests.Dns;

/// <summary>
/// Each built-in provider declares the kind of every variable it reads as a number
/// (<see cref="DnsProviderVariable.Kind"/>), so lint refuses what the provider refuses: the numeric
/// reads creating a provider makes (<see cref="ProviderCredentials.GetSeconds"/>,
/// <see cref="ProviderCredentials.GetInt"/>) are exactly its declared numeric variables, names in the
/// same order; a declared numeric variable set to "bad" makes creating the provider fail naming it
/// (under each of its names), and a declared Text variable set to "bad" is not refused by a numeric
/// rule. A number parsed some other way (not through those reads) is not seen here.
/// Creating a provider does no network or disk I/O: the credentials have no file reader.
/// </summary>
public sealed class DnsVariableKindConformanceTests
{
    private static readonly DnsProviderRegistry Registry = DnsProviderRegistry.CreateDefault();

    public static TheoryData<string> Providers => new(Registry.Names);

    private static Dictionary<string, string> Required(IDnsProviderFactory factory) =>
        factory.Variables.Required[0].ToDictionary(name => name, DnsProviderVariablesTests.SampleValue);

    [Theory]
    [MemberData(nameof(Providers))]
    public void The_numeric_reads_are_the_declared_numeric_variables(string provider)
    {
        var factory = Registry.Get(provider);
        var read = new List<string>();
        var credentials = new ProviderCredentials(Required(factory))
        {
            NumberRead = (kind, names) => read.Add($"{kind} {string.Join(",", names)}"),
        };

        factory.Create(credentials);

        var declared = factory.Variables.Variables.Where(v => v.Kind != DnsVariableKind.Text).Select(v => $"{v.Kind} {string.Join(",", v.Names)}");
        Assert.Equal(declared.Order(StringComparer.Ordinal), read.Distinct().Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void A_declared_numeric_variable_set_to_text_is_refused_naming_it(string provider)
    {
        var factory = Registry.Get(provider);
        foreach (var variable in factory.Variables.Variables.Where(v => v.Kind != DnsVariableKind.Text))
        {
            foreach (var name in variable.Names)
            {
                var values = Required(factory);
                values[name] = "bad";
                var credentials = new ProviderCredentials(values);

                var error = Assert.ThrowsAny<AcmeException>(() => factory.Create(credentials));

                Assert.StartsWith(name + " must be a ", error.Message);
                Assert.Equal(error.Message, credentials.BrokenRule(variable)?.Rule);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void A_declared_numeric_variable_set_to_60_is_taken(string provider)
    {
        var factory = Registry.Get(provider);
        foreach (var variable in factory.Variables.Variables.Where(v => v.Kind != DnsVariableKind.Text))
        {
            var values = Required(factory);
            values[variable.Name] = "60";
            var credentials = new ProviderCredentials(values);

            Assert.Null(credentials.BrokenRule(variable));
            Assert.Equal(provider, factory.Create(credentials).Name);
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void A_text_variable_set_to_text_is_not_refused_as_a_number(string provider)
    {
        var factory = Registry.Get(provider);
        foreach (var variable in factory.Variables.Variables.Where(v => v.Kind == DnsVariableKind.Text))
        {
            foreach (var name in variable.Names)
            {
                var values = Required(factory);
                values[name] = "bad";
                // "bad" may be refused for another reason (a URL, a path): only the numeric rules are asked about.
                var error = Record.Exception(() => factory.Create(new ProviderCredentials(values)));

                Assert.False(error is not null && error.Message.StartsWith(name + " must be a ", StringComparison.Ordinal),
                    $"{provider} reads {name} as a number but declares it Text: {error?.Message}");
            }
        }
    }
}
