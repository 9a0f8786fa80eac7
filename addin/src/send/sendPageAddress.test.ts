import { sendPageAddress } from './sendPageAddress';

test('the page sits beside the pane, wherever the pane is served', () => {
  expect(sendPageAddress('https://returns.example.go.th/taskpane.html?_host_Info=Excel')).toBe('https://returns.example.go.th/send/');
  expect(sendPageAddress('http://localhost:3000/taskpane.html')).toBe('http://localhost:3000/send/');
  expect(sendPageAddress('https://agency.example/apps/returns/taskpane.html#x')).toBe('https://agency.example/apps/returns/send/');
});
