#include "app/analyzer_slot.h"

#include <atomic>
#include <catch2/catch.hpp>
#include <thread>
#include <vector>

#include "app/analyzer_loader.h"

TEST_CASE("analyzer slot: readers keep the analyzer they took across a swap", "[app]") {
  amends::app::LoadOptions options;
  options.no_config = true;
  std::string error;
  std::shared_ptr<const amends::Analyzer> first = amends::app::LoadAnalyzer(options, &error);
  REQUIRE(first);
  std::shared_ptr<const amends::Analyzer> second = amends::app::LoadAnalyzer(options, &error);
  REQUIRE(second);
  std::weak_ptr<const amends::Analyzer> first_alive = first;
  amends::app::AnalyzerSlot slot(std::move(first));

  auto held = slot.Get();
  std::atomic<bool> stop{false};
  std::atomic<int> torn{0};
  std::vector<std::thread> readers;
  for (int i = 0; i < 4; ++i)
    readers.emplace_back([&] {
      while (!stop) {
        auto a = slot.Get();
        if (!a || a->checks().checks.empty()) ++torn;
      }
    });
  uint64_t second_serial = second->serial();
  slot.Swap(std::move(second));
  stop = true;
  for (auto& t : readers) t.join();
  CHECK(torn == 0);
  CHECK(slot.Get()->serial() == second_serial);
  // The old one lives while a request holds it, and is freed after.
  CHECK_FALSE(first_alive.expired());
  held.reset();
  CHECK(first_alive.expired());
}
