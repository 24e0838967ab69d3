using TetReadiness.Roster;
using TetReadiness.Tests.Infrastructure;

namespace TetReadiness.Tests.Roster;

public sealed class RosterCsvParserTests
{
    private const string Header = "district_id,district_name,unit_id,unit_name,officer_emails,coordinator_emails\n";

    [Fact]
    public void A_comma_separated_roster_gives_districts_and_units()
    {
        var roster = RosterCsvParser.Parse(
            Header +
            "ba-dinh,Quận Ba Đình,ba-dinh-ubnd,UBND Quận Ba Đình,vanphong@ba-dinh.invalid,dieuphoi@ba-dinh.invalid\n" +
            "ba-dinh,Quận Ba Đình,ba-dinh-ttyt,Trung tâm Y tế Ba Đình,truc@ba-dinh.invalid;bacsi@ba-dinh.invalid,\n" +
            "ba-vi,Huyện Ba Vì,ba-vi-ubnd,UBND Huyện Ba Vì,,\n");

        Assert.True(roster.IsValid);
        Assert.Equal(["ba-dinh", "ba-vi"], roster.Districts.Select(d => d.DistrictId));
        Assert.Equal(["dieuphoi@ba-dinh.invalid"], roster.Districts[0].CoordinatorEmails);
        Assert.Empty(roster.Districts[1].CoordinatorEmails);
        Assert.Equal(RosterDistrict.DefaultAreaLevel, roster.Districts[0].AreaLevel);
        Assert.Equal(["ba-dinh-ubnd", "ba-dinh-ttyt", "ba-vi-ubnd"], roster.Units.Select(u => u.UnitId));
        var healthCentre = roster.Units[1];
        Assert.Equal("Trung tâm Y tế Ba Đình", healthCentre.UnitName);
        Assert.Equal("ba-dinh", healthCentre.DistrictId);
        Assert.Equal("Quận Ba Đình", healthCentre.DistrictName);
        Assert.Equal(["truc@ba-dinh.invalid", "bacsi@ba-dinh.invalid"], healthCentre.OfficerEmails);
        Assert.Empty(roster.Units[2].OfficerEmails);
    }

    [Fact]
    public void A_semicolon_separated_roster_from_Excel_in_a_Vietnamese_locale_is_read_the_same()
    {
        var roster = RosterCsvParser.Parse(
            "district_id;district_name;unit_id;unit_name;officer_emails;coordinator_emails\r\n" +
            "ba-dinh;Quận Ba Đình;ba-dinh-ubnd;UBND Quận Ba Đình;\"vanphong@ba-dinh.invalid;lanhdao@ba-dinh.invalid\";dieuphoi@ba-dinh.invalid\r\n");

        Assert.True(roster.IsValid);
        var unit = Assert.Single(roster.Units);
        Assert.Equal("UBND Quận Ba Đình", unit.UnitName);
        Assert.Equal(["vanphong@ba-dinh.invalid", "lanhdao@ba-dinh.invalid"], unit.OfficerEmails);
        Assert.Equal(["dieuphoi@ba-dinh.invalid"], Assert.Single(roster.Districts).CoordinatorEmails);
    }

    [Fact]
    public void A_UTF8_byte_order_mark_is_ignored()
    {
        var roster = RosterCsvParser.Parse("\uFEFF" + Header + "ba-dinh,Quận Ba Đình,ba-dinh-ubnd,UBND Quận Ba Đình,,\n");

        Assert.True(roster.IsValid, string.Join("; ", roster.Errors.InBothLanguages().SelectMany(e => e.Value)));
        Assert.Equal("ba-dinh-ubnd", Assert.Single(roster.Units).UnitId);
    }

    [Fact]
    public void Quoted_fields_may_hold_the_delimiter_and_doubled_quotes()
    {
        var roster = RosterCsvParser.Parse(
            Header +
            "ba-dinh,\"Quận Ba Đình, Hà Nội\",ba-dinh-cho,\"Chợ \"\"Ngọc Hà\"\", Ba Đình\",,\n");

        Assert.True(roster.IsValid, string.Join("; ", roster.Errors.InBothLanguages().SelectMany(e => e.Value)));
        Assert.Equal("Quận Ba Đình, Hà Nội", Assert.Single(roster.Districts).DistrictName);
        Assert.Equal("Chợ \"Ngọc Hà\", Ba Đình", Assert.Single(roster.Units).UnitName);
    }

    [Fact]
    public void A_quoted_field_may_span_lines()
    {
        var roster = RosterCsvParser.Parse(
            Header +
            "ba-dinh,Quận Ba Đình,ba-dinh-ubnd,UBND Quận Ba Đình,\"vanphong@ba-dinh.invalid;\r\nlanhdao@ba-dinh.invalid\",\n" +
            "ba-vi,Huyện Ba Vì,ba-vi-ubnd,UBND Huyện Ba Vì,,\n");

        Assert.True(roster.IsValid, string.Join("; ", roster.Errors.InBothLanguages().SelectMany(e => e.Value)));
        Assert.Equal(["ba-dinh-ubnd", "ba-vi-ubnd"], roster.Units.Select(u => u.UnitId));
        Assert.Equal(["vanphong@ba-dinh.invalid", "lanhdao@ba-dinh.invalid"], roster.Units[0].OfficerEmails);
    }

    [Fact]
    public void A_line_break_inside_a_name_is_refused_naming_the_line_where_the_row_starts()
    {
        var roster = RosterCsvParser.Parse(
            Header +
            "ba-vi,Huyện Ba Vì,ba-vi-ubnd,UBND Huyện Ba Vì,,\n" +
            "ba-dinh,Quận Ba Đình,ba-dinh-ubnd,\"UBND\nQuận Ba Đình\",,\n");

        var (row, messages) = Assert.Single(roster.Errors.InBothLanguages());
        Assert.Equal("row 3", row);
        Assert.Contains("unit_name", messages[0], StringComparison.Ordinal);
    }

    [Fact]
    public void The_row_after_a_multi_line_quoted_field_is_named_by_its_real_line()
    {
        var roster = RosterCsvParser.Parse(
            Header +
            "ba-dinh,Quận Ba Đình,ba-dinh-ubnd,UBND Quận Ba Đình,\"vanphong@ba-dinh.invalid;\nlanhdao@ba-dinh.invalid\",\n" +
            "ba-dinh,Quận Ba Đình,BAD ID,Trung tâm Y tế,,\n");

        Assert.Equal(["row 4"], roster.Errors.Keys);
    }

    [Fact]
    public void Vietnamese_typed_decomposed_is_stored_precomposed_and_agrees_with_precomposed_rows()
    {
        var decomposed = "Qu\u00e2\u0323n Ba \u0110i\u0300nh";
        var roster = RosterCsvParser.Parse(
            Header +
            $"ba-dinh,{decomposed},ba-dinh-ubnd,UBND Ba \u0110i\u0300nh,,\n" +
            "ba-dinh,Quận Ba Đình,ba-dinh-ttyt,Trung tâm Y tế Ba Đình,,\n");

        Assert.True(roster.IsValid, string.Join("; ", roster.Errors.InBothLanguages().SelectMany(e => e.Value)));
        var district = Assert.Single(roster.Districts);
        Assert.Equal("Quận Ba Đình", district.DistrictName);
        Assert.True(district.DistrictName.IsNormalized(System.Text.NormalizationForm.FormC));
        Assert.Equal("UBND Ba Đình", roster.Units[0].UnitName);
        Assert.All(roster.Units, u => Assert.Equal("Quận Ba Đình", u.DistrictName));
    }

    [Fact]
    public void Ids_are_lowercased_and_emails_normalised()
    {
        var roster = RosterCsvParser.Parse(Header + "BA-DINH,Quận Ba Đình,Ba-Dinh-UBND,UBND Quận Ba Đình, VanPhong@Ba-Dinh.invalid ,\n");

        Assert.True(roster.IsValid);
        var unit = Assert.Single(roster.Units);
        Assert.Equal("ba-dinh-ubnd", unit.UnitId);
        Assert.Equal("ba-dinh", unit.DistrictId);
        Assert.Equal(["vanphong@ba-dinh.invalid"], unit.OfficerEmails);
    }

    [Theory]
    [InlineData("ba dinh,Quận Ba Đình,ba-dinh-ubnd", "district_id")]
    [InlineData("ba-dinh,Quận Ba Đình,../x", "unit_id")]
    [InlineData("ba-dinh,Quận Ba Đình,ba_dinh_ubnd", "unit_id")]
    [InlineData("ba-dinh,Quận Ba Đình,x' or '1'='1", "unit_id")]
    [InlineData(",Quận Ba Đình,ba-dinh-ubnd", "district_id")]
    [InlineData("ba-dinh,Quận Ba Đình,", "unit_id")]
    public void Bad_ids_are_refused_naming_the_row_and_the_column(string cells, string column)
    {
        var roster = RosterCsvParser.Parse(
            Header +
            "ba-vi,Huyện Ba Vì,ba-vi-ubnd,UBND Huyện Ba Vì,,\n" +
            cells + ",Đơn vị,,\n");

        Assert.False(roster.IsValid);
        var error = Assert.Single(Assert.Single(roster.Errors.InBothLanguages(), e => e.Key == "row 3").Value);
        Assert.Contains(column, error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_65_character_unit_id_is_refused()
    {
        var roster = RosterCsvParser.Parse(Header + $"ba-dinh,Quận Ba Đình,{new string('a', 65)},UBND,,\n");

        Assert.Equal(["row 2"], roster.Errors.Keys);
    }

    [Fact]
    public void A_unit_id_used_in_two_districts_is_refused_naming_both_rows()
    {
        var roster = RosterCsvParser.Parse(
            Header +
            "ba-dinh,Quận Ba Đình,ubnd,UBND Quận Ba Đình,,\n" +
            "ba-vi,Huyện Ba Vì,ba-vi-ubnd,UBND Huyện Ba Vì,,\n" +
            "hoan-kiem,Quận Hoàn Kiếm,ubnd,UBND Quận Hoàn Kiếm,,\n");

        var (row, messages) = Assert.Single(roster.Errors.InBothLanguages());
        Assert.Equal("row 4", row);
        Assert.Contains("'ubnd'", messages[0], StringComparison.Ordinal);
        Assert.Contains("dòng 2", messages[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Rows_that_disagree_about_a_district_name_are_refused_naming_the_rows()
    {
        var roster = RosterCsvParser.Parse(
            Header +
            "ba-dinh,Quận Ba Đình,ba-dinh-ubnd,UBND Quận Ba Đình,,\n" +
            "ba-dinh,Quận Ba Đinh,ba-dinh-ttyt,Trung tâm Y tế Ba Đình,,\n");

        var (row, messages) = Assert.Single(roster.Errors.InBothLanguages());
        Assert.Equal("row 3", row);
        Assert.Contains("dòng 2", messages[0], StringComparison.Ordinal);
        Assert.Contains("district's name", messages[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Rows_that_disagree_about_a_district_coordinators_are_refused_naming_the_rows()
    {
        var roster = RosterCsvParser.Parse(
            Header +
            "ba-dinh,Quận Ba Đình,ba-dinh-ubnd,UBND Quận Ba Đình,,dieuphoi@ba-dinh.invalid\n" +
            "ba-dinh,Quận Ba Đình,ba-dinh-ttyt,Trung tâm Y tế Ba Đình,,\n" +
            "ba-dinh,Quận Ba Đình,ba-dinh-cho,BQL chợ Ngọc Hà,,khac@ba-dinh.invalid\n");

        var (row, messages) = Assert.Single(roster.Errors.InBothLanguages());
        Assert.Equal("row 4", row);
        Assert.Contains("dòng 2", messages[0], StringComparison.Ordinal);
        Assert.Contains("coordinators", messages[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Coordinators_may_be_written_on_any_row_and_in_any_order()
    {
        var roster = RosterCsvParser.Parse(
            Header +
            "ba-dinh,Quận Ba Đình,ba-dinh-ubnd,UBND Quận Ba Đình,,\n" +
            "ba-dinh,Quận Ba Đình,ba-dinh-ttyt,Trung tâm Y tế Ba Đình,,a@ba-dinh.invalid;b@ba-dinh.invalid\n" +
            "ba-dinh,Quận Ba Đình,ba-dinh-cho,BQL chợ Ngọc Hà,,B@ba-dinh.invalid; a@ba-dinh.invalid\n");

        Assert.True(roster.IsValid, string.Join("; ", roster.Errors.InBothLanguages().SelectMany(e => e.Value)));
        Assert.Equal(["a@ba-dinh.invalid", "b@ba-dinh.invalid"], Assert.Single(roster.Districts).CoordinatorEmails);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.invalid\";\"Bấm\")")]
    [InlineData("+cmd|' /C calc'!A0")]
    [InlineData("-2+3")]
    [InlineData("@SUM(1+1)")]
    [InlineData(" =1+1")]
    public void Cells_that_Excel_would_run_as_formulas_are_refused(string unitName)
    {
        var quoted = "\"" + unitName.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        var roster = RosterCsvParser.Parse(Header + $"ba-dinh,Quận Ba Đình,ba-dinh-ubnd,{quoted},,\n");

        var (row, messages) = Assert.Single(roster.Errors.InBothLanguages());
        Assert.Equal("row 2", row);
        Assert.Contains("formula", messages[0], StringComparison.Ordinal);
        Assert.Empty(roster.Units);
    }

    [Fact]
    public void A_formula_in_a_district_name_is_refused_too()
    {
        var roster = RosterCsvParser.Parse(Header + "ba-dinh,=1+1,ba-dinh-ubnd,UBND,,\n");

        Assert.Contains("district_name", Assert.Single(roster.Errors.InBothLanguages()["row 2"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_emails_are_refused_naming_the_row()
    {
        var roster = RosterCsvParser.Parse(Header + "ba-dinh,Quận Ba Đình,ba-dinh-ubnd,UBND,vanphong at ba-dinh,dieuphoi@\n");

        Assert.Equal(2, roster.Errors["row 2"].Count);
    }

    [Fact]
    public void Empty_names_and_control_characters_are_refused()
    {
        var roster = RosterCsvParser.Parse(
            Header +
            "ba-dinh,Quận Ba Đình,ba-dinh-ubnd,,,\n" +
            "ba-dinh,Quận Ba Đình,ba-dinh-ttyt,Trung tâm\u0007Y tế,,\n");

        Assert.Equal(["row 2", "row 3"], roster.Errors.Keys.Order());
    }

    [Theory]
    [InlineData("district_id,district_name,unit_id,unit_name\n", "officer_emails")]
    [InlineData("district_id,unit_id,unit_name,officer_emails\n", "district_name")]
    [InlineData("id,name,unit,unit_name,officer_emails\n", "district_id")]
    public void A_missing_column_is_refused_naming_it(string header, string missing)
    {
        var roster = RosterCsvParser.Parse(header + "ba-dinh,Quận Ba Đình,ba-dinh-ubnd,UBND,a@b.invalid\n");

        Assert.False(roster.IsValid);
        Assert.Contains(roster.Errors.InBothLanguages()["header"], message => message.Contains($"'{missing}'", StringComparison.Ordinal));
        Assert.Empty(roster.Units);
    }

    [Fact]
    public void Header_names_are_matched_in_any_order_and_case()
    {
        var roster = RosterCsvParser.Parse("Unit_Name,UNIT_ID,officer_emails,District_Name,district_id\nUBND Quận Ba Đình,ba-dinh-ubnd,,Quận Ba Đình,ba-dinh\n");

        Assert.True(roster.IsValid);
        var unit = Assert.Single(roster.Units);
        Assert.Equal(("ba-dinh-ubnd", "UBND Quận Ba Đình", "ba-dinh"), (unit.UnitId, unit.UnitName, unit.DistrictId));
    }

    [Fact]
    public void A_duplicate_column_is_refused()
    {
        var roster = RosterCsvParser.Parse("district_id,district_name,unit_id,unit_name,officer_emails,unit_id\nba-dinh,Quận Ba Đình,ba-dinh-ubnd,UBND,,x\n");

        Assert.Contains("unit_id", Assert.Single(roster.Errors.InBothLanguages()["header"]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\uFEFF")]
    [InlineData("\n\n")]
    public void An_empty_file_is_refused(string text)
    {
        var roster = RosterCsvParser.Parse(text);

        Assert.False(roster.IsValid);
        Assert.Contains("empty", Assert.Single(roster.Errors.InBothLanguages()["header"]), StringComparison.Ordinal);
    }

    [Fact]
    public void A_header_without_rows_is_refused()
    {
        var roster = RosterCsvParser.Parse(Header + "\n,,,,,\n");

        Assert.Contains("no units", Assert.Single(roster.Errors.InBothLanguages()["rows"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Blank_lines_between_rows_are_skipped_without_shifting_row_numbers()
    {
        var roster = RosterCsvParser.Parse(
            Header +
            "ba-dinh,Quận Ba Đình,ba-dinh-ubnd,UBND Quận Ba Đình,,\n" +
            "\n" +
            "ba-dinh,Quận Ba Đình,Bad Id!,Trung tâm,,\n");

        Assert.Equal(["row 4"], roster.Errors.Keys);
    }

    [Fact]
    public void The_area_level_is_data_given_by_the_caller()
    {
        var roster = RosterCsvParser.Parse(Header + "phuong-ba-dinh,Phường Ba Đình,ba-dinh-ubnd,UBND Phường Ba Đình,,\n", "Phường/Xã");

        Assert.Equal("Phường/Xã", Assert.Single(roster.Districts).AreaLevel);
    }
}
