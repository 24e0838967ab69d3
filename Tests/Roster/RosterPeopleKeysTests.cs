using TetReadiness.Common;
using TetReadiness.Roster;

namespace TetReadiness.Tests.Roster;

public sealed class RosterPeopleKeysTests
{
    [Theory]
    [InlineData("vanphong@ba-dinh.invalid", "vanphong@ba-dinh.invalid")]
    [InlineData("VanPhong@Ba-Dinh.invalid", "vanphong@ba-dinh.invalid")]
    [InlineData("thư.ký@hà-nội.vn", "thư.ký@hà-nội.vn")]
    [InlineData("a/b@x.vn", "a%2Fb@x.vn")]
    [InlineData("a\\b@x.vn", "a%5Cb@x.vn")]
    [InlineData("a#b@x.vn", "a%23b@x.vn")]
    [InlineData("a?b@x.vn", "a%3Fb@x.vn")]
    [InlineData("a%2Fb@x.vn", "a%252fb@x.vn")]
    [InlineData("a|b@x.vn|c.d", "a%7Cb@x.vn%7Cc.d")]
    [InlineData("a\u0001b@x.vn", "a%01b@x.vn")]
    [InlineData("a\u007fb@x.vn", "a%7Fb@x.vn")]
    [InlineData("a\u0085b@x.vn", "a%85b@x.vn")]
    [InlineData("a\ud83d\ude00b@x.vn", "a\ud83d\ude00b@x.vn")]
    public void An_email_is_its_key_with_what_a_key_may_not_hold_escaped(string email, string key)
    {
        Assert.Equal(key, RosterPeopleKeys.ForEmail(email));
    }

    [Fact]
    public void An_unpaired_surrogate_is_escaped_too()
    {
        // Not in InlineData: the test runner would replace the lone surrogate before the test sees it.
        Assert.Equal("a%uD83Db@x.vn", RosterPeopleKeys.ForEmail("a\ud83db@x.vn"));
        Assert.Equal("a%uDE00b@x.vn", RosterPeopleKeys.ForEmail("a\ude00b@x.vn"));
    }

    [Fact]
    public void Every_email_the_roster_accepts_has_a_key_of_its_own_that_a_table_accepts()
    {
        var random = new Random(15);
        char[] alphabet = ['a', 'B', '.', '/', '\\', '#', '?', '%', '2', 'F', '\u0001', '\u001f', '\u007f', '\u009f', 'ư', 'Đ', '\'', '~', '&', '+', '|'];
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < 20_000; i++)
        {
            string Part(int length) => new(Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            var email = (Part(random.Next(1, 12)) + "@" + Part(random.Next(1, 6)) + "." + Part(random.Next(1, 4))).ToLowerInvariant();
            if (!Emails.IsValid(email))
            {
                continue;
            }

            var key = RosterPeopleKeys.ForEmail(email);

            Assert.DoesNotContain(key, c => c is '/' or '\\' or '#' or '?' or '|' || char.IsControl(c));
            if (keys.TryGetValue(key, out var other))
            {
                Assert.Equal(other, email);
            }

            keys[key] = email;
        }

        Assert.True(keys.Count > 10_000, $"{keys.Count} distinct emails");
    }

    [Fact]
    public void An_email_whose_escaped_key_would_be_too_long_is_keyed_by_its_hash()
    {
        var email = new string('#', 200) + "@x.vn";
        var other = new string('#', 199) + "?@x.vn";

        var key = RosterPeopleKeys.ForEmail(email);

        Assert.True(Emails.IsValid(email));
        Assert.StartsWith("~", key, StringComparison.Ordinal);
        Assert.Equal(65, key.Length);
        Assert.NotEqual(key, RosterPeopleKeys.ForEmail(other));
        Assert.Equal(key, RosterPeopleKeys.ForEmail(email.ToUpperInvariant()));
        Assert.True(RosterPeopleKeys.ForEmail(new string('a', 240) + "@x.vn").Length < RosterPeopleKeys.MaxReadableKeyLength);
    }

    [Fact]
    public void An_emails_rows_are_in_one_of_256_buckets_and_no_other_emails_row_key_starts_like_them()
    {
        var buckets = Enumerable.Range(0, 10_000).Select(i => RosterPeopleKeys.Bucket(RosterPeopleKeys.ForEmail($"canbo-{i}@x.vn"))).ToList();

        Assert.All(buckets, bucket => Assert.Matches("^b[0-9a-f]{2}$", bucket));
        Assert.Equal(256, buckets.Distinct(StringComparer.Ordinal).Count());
        Assert.InRange(buckets.CountBy(b => b).Max(pair => pair.Value), 1, 80);
        Assert.Equal(RosterPeopleKeys.Bucket(RosterPeopleKeys.ForEmail("a@x.vn")), RosterPeopleKeys.Bucket(RosterPeopleKeys.ForEmail("A@X.vn")));

        // Without the escaped '|', the first email's prefix would also select the second one's rows.
        var key = RosterPeopleKeys.ForEmail("a@x.vn");
        var other = RosterPeopleKeys.ForEmail("a@x.vn|officer|u.vn");
        Assert.False(RosterPeopleKeys.Officer(other, "u1").StartsWith(RosterPeopleKeys.Prefix(key), StringComparison.Ordinal));
        Assert.StartsWith(RosterPeopleKeys.Prefix(key), RosterPeopleKeys.Coordinator(key, "ba-dinh"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0x1ebf, 249)]
    [InlineData('#', 73)]
    [InlineData(0xd83d, 29)]
    public void The_longest_row_key_of_any_email_the_roster_accepts_fits_in_a_key(int filler, int count)
    {
        // The most a key can hold before it is hashed: three-byte letters, and escapes that take three or six characters.
        var email = new string((char)filler, count) + new string('\u1ebf', 254 - count - 5) + "@x.vn";
        var key = RosterPeopleKeys.ForEmail(email);
        var rowKey = RosterPeopleKeys.Coordinator(key, new string('a', 64));

        Assert.True(Emails.IsValid(email.ToLowerInvariant()));
        Assert.True(key.Length <= RosterPeopleKeys.MaxReadableKeyLength, $"{key.Length}");
        Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(rowKey), 1, 1024);
        Assert.InRange(rowKey.Length * sizeof(char), 1, 1024);
    }
}
