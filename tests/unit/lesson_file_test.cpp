// The lessons file loader: a valid document loads into the model, and every kind of mistake is
// refused with the field named, so a broken lessons file never reaches a class.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/lessons/lesson_file.h"

using namespace poolscope;
using json = nlohmann::json;

namespace {

json valid_doc() {
    return json::parse(R"({
      "schema": 2,
      "default_lesson": 1,
      "lessons": [{
        "id": 1, "title": "T", "summary": "one line", "what_you_should_see": "x", "repeat": 2,
        "runs": [
          {"id": "a", "label": "A", "args": ["--workload", "square", "--workers", "{cores}", "--compare"]},
          {"id": "b", "label": "B", "args": ["--size", "{100*cores}"]}
        ],
        "expectations": [
          {"id": "x1", "text": "a is slower", "left": "a.speedup", "op": "<", "right": 1},
          {"id": "x2", "text": "b beats a", "left": "b.wall", "op": "<", "right": "a.parallel.wall",
           "factor": 0.5, "scale": "cores"}
        ]
      }]
    })");
}

std::string error_of(const json& doc) {
    LessonFile f;
    const auto e = parse_lesson_file(doc, f);
    return e ? *e : std::string();
}

}  // namespace

TEST(LessonFile, AValidDocumentLoadsIntoTheModel) {
    LessonFile f;
    ASSERT_EQ(parse_lesson_file(valid_doc(), f), std::nullopt);
    ASSERT_EQ(f.lessons.size(), 1u);
    const Lesson& l = f.lessons[0];
    EXPECT_EQ(l.repeat, 2);
    ASSERT_EQ(l.runs.size(), 2u);
    EXPECT_TRUE(l.runs[0].compare);
    EXPECT_FALSE(l.runs[1].compare);
    ASSERT_EQ(l.expectations.size(), 2u);
    const Expectation& x = l.expectations[1];
    EXPECT_EQ(x.left, (FigureRef{"b", "", "wall"}));
    ASSERT_TRUE(x.right);
    EXPECT_EQ(*x.right, (FigureRef{"a", "parallel", "wall"}));
    EXPECT_EQ(x.op, CompareOp::Less);
    EXPECT_DOUBLE_EQ(x.factor, 0.5);
    EXPECT_TRUE(x.scale_by_cores);
    EXPECT_FALSE(l.expectations[0].right);
    EXPECT_DOUBLE_EQ(l.expectations[0].value, 1);
    EXPECT_EQ(f.find(1), &f.lessons[0]);
    EXPECT_EQ(f.find(2), nullptr);
}

TEST(LessonFile, CoresPlaceholdersExpandToTheUsableCores) {
    LessonFile f;
    ASSERT_EQ(parse_lesson_file(valid_doc(), f), std::nullopt);
    EXPECT_EQ(expand_lesson_args(f.lessons[0].runs[0], 16)[3], "16");
    EXPECT_EQ(expand_lesson_args(f.lessons[0].runs[1], 2)[1], "200");
}

TEST(LessonFile, BadDocumentsAreRefusedWithTheFieldNamed) {
    struct Case {
        const char* pointer;  // JSON pointer of what to change
        json value;
        const char* field;  // the error must name this
    };
    const Case cases[] = {
        {"/schema", 1, "lessons.json.schema"},
        {"/default_lesson", 7, "lessons.json.default_lesson"},
        {"/lessons/0/id", "one", "lessons[0].id"},
        {"/lessons/0/summary", "two\nlines", "lessons[0].summary"},
        {"/lessons/0/repeat", 0, "lessons[0].repeat"},
        {"/lessons/0/runs", json::array(), "lessons[0].runs"},
        {"/lessons/0/runs/1/id", "a", "lessons[0].runs[1].id"},
        {"/lessons/0/runs/0/args/3", "{cores+1}", "lessons[0].runs[0].args[3]"},
        {"/lessons/0/runs/0/args/3", 4, "lessons[0].runs[0].args[3]"},
        {"/lessons/0/expectations/0/left", "c.speedup", "lessons[0].expectations[0].left"},
        {"/lessons/0/expectations/0/left", "a.wall", "lessons[0].expectations[0].left"},
        {"/lessons/0/expectations/0/left", "a.parallel.speedup", "lessons[0].expectations[0].left"},
        {"/lessons/0/expectations/0/left", "b.serial.wall", "lessons[0].expectations[0].left"},
        {"/lessons/0/expectations/0/left", "a.parallel.colour", "lessons[0].expectations[0].left"},
        {"/lessons/0/expectations/0/op", "==", "lessons[0].expectations[0].op"},
        {"/lessons/0/expectations/0/right", true, "lessons[0].expectations[0].right"},
        {"/lessons/0/expectations/1/factor", -1, "lessons[0].expectations[1].factor"},
        {"/lessons/0/expectations/1/scale", "workers", "lessons[0].expectations[1].scale"},
        {"/lessons/0/expectations/1/id", "x1", "lessons[0].expectations[1].id"},
        {"/lessons/0/expectations/1/colour", "red", "lessons[0].expectations[1].colour"},
    };
    for (const Case& c : cases) {
        json doc = valid_doc();
        doc[json::json_pointer(c.pointer)] = c.value;
        const std::string e = error_of(doc);
        EXPECT_NE(e.find(c.field), std::string::npos)
            << c.pointer << " = " << c.value.dump() << " gave: '" << e << "'";
    }
}

TEST(LessonFile, MissingFieldsAreNamed) {
    for (const char* key :
         {"title", "summary", "what_you_should_see", "repeat", "runs", "expectations"}) {
        json doc = valid_doc();
        doc["lessons"][0].erase(key);
        const std::string e = error_of(doc);
        EXPECT_NE(e.find(std::string("lessons[0].") + key + ": missing"), std::string::npos)
            << key << " gave: '" << e << "'";
    }
    json doc = valid_doc();
    doc["lessons"][0]["expectations"][0].erase("right");
    EXPECT_NE(error_of(doc).find("lessons[0].expectations[0].right: missing"), std::string::npos);
}

TEST(LessonFile, AnUnreadableOrMalformedFileIsRefused) {
    LessonFile f;
    const auto missing = load_lesson_file("/nonexistent/lessons.json", f);
    ASSERT_TRUE(missing);
    EXPECT_NE(missing->find("/nonexistent/lessons.json"), std::string::npos);
    EXPECT_TRUE(parse_lesson_file(json::array(), f));
}
